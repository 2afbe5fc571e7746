param location string = resourceGroup().location
param environmentName string = 'prod'

// The storage account comes from a module; its firewall depends on what is passed to it.
module archive 'storage.bicep' = {
  name: 'archive-storage'
  params: {
    accountName: 'contoso${environmentName}archive'
    location: location
    allowTrustedServices: environmentName != 'prod'
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-${environmentName}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.outputs.blobEndpoint
            containerName: 'telemetry'
            encoding: 'JSON'
          }
        ]
      }
      routes: [
        { name: 'archive', source: 'DeviceMessages', condition: 'true', endpointNames: ['archive'], isEnabled: true }
      ]
    }
  }
}

resource blobWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, hub.id, 'blob-data-contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
