param location string = resourceGroup().location
param defaultAction string
@secure()
param sharedKey string

resource open 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'relecloudopen'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Allow' }
  }
}

resource firewalled 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'relecloudlocked'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource maybe 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'relecloudmaybe'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: defaultAction, bypass: 'AzureServices' }
  }
}

resource shared 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'relecloudshared'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    storageEndpoints: {
      // Identity-based access to the firewalled account: the trusted-services exception admits it.
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${firewalled.name};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
    routing: {
      endpoints: {
        storageContainers: [
          // A key to an account that allows public traffic.
          {
            name: 'open'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${open.name};AccountKey=${open.listKeys().keys[0].value}'
            containerName: 'open'
          }
          // A key to an account whose firewall is not known.
          {
            name: 'maybe'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${maybe.name};AccountKey=${maybe.listKeys().keys[0].value}'
            containerName: 'maybe'
          }
          // A key to an account this deployment only refers to: its firewall is not known here.
          {
            name: 'shared'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${shared.name};AccountKey=${sharedKey}'
            containerName: 'shared'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'open', 'maybe', 'shared' ], isEnabled: true }
      ]
    }
  }
}

resource uploadWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(firewalled.id, hub.id, 'blob')
  scope: firewalled
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
