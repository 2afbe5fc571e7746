param environmentName string
@secure()
param archiveKey string
param namespaceSuffix string
param endpoints object

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'prosewarearchive'
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'proseware-${environmentName}-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-proseware-6650133-1f0e9a7b2c.servicebus.windows.net'
      'prosewarearchive.blob.${environment().suffixes.storage}'
      'proseware-${namespaceSuffix}.servicebus.windows.net'
    ]
    routing: {
      endpoints: {
        // Listed: the account's endpoint by its symbol, and a key-based connection string with an unknown key.
        storageContainers: [
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
            containerName: environmentName
          }
          {
            name: 'archive-keyed'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archiveKey}'
            containerName: 'keyed'
          }
        ]
        // The namespace name has an unknown piece: the list names the host by the same expression.
        serviceBusQueues: [
          {
            name: 'commands'
            authenticationType: 'identityBased'
            endpointUri: 'sb://proseware-${namespaceSuffix}.servicebus.windows.net'
            entityPath: 'commands'
          }
        ]
      }
      routes: [
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive', 'archive-keyed' ], isEnabled: true }
        { name: 'Commands', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'commands' ], isEnabled: true }
      ]
    }
  }
}

resource archiveWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive.id, hub.id, 'blob')
  scope: archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Endpoints from a parameter: nothing known to check.
resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'proseware-${environmentName}-hub-2'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-proseware-6650190-0c1d2e3f4a.servicebus.windows.net' ]
    routing: {
      endpoints: endpoints
    }
  }
}

// Not restricted: the list restricts nothing.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'proseware-${environmentName}-hub-3'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: false
    allowedFqdnList: [ 'iothub-ns-proseware-6650201-9a8b7c6d5e.servicebus.windows.net' ]
    storageEndpoints: {
      '$default': {
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archiveKey}'
        containerName: 'uploads'
      }
    }
  }
}

// The list spreads a parameter: it may hold the host.
resource hub4 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'proseware-${environmentName}-hub-4'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-proseware-6650222-5e6f7a8b9c.servicebus.windows.net'
      ...endpoints.hosts
    ]
    storageEndpoints: {
      '$default': {
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archiveKey}'
        containerName: 'uploads'
      }
    }
  }
}
