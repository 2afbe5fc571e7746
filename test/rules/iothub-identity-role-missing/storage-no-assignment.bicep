param location string = resourceGroup().location
param storageAccountName string = 'contosoarchive'

var blobDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'

  resource blobs 'blobServices' = {
    name: 'default'

    resource telemetry 'containers' = {
      name: 'telemetry'
    }
  }
}

resource cold 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosocold'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource warm 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosowarm'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          // Storage Blob Data Contributor on the container it writes to, declared as a nested child: enough.
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
            containerName: 'telemetry'
            encoding: 'JSON'
          }
          // No assignment at all.
          {
            name: 'cold'
            authenticationType: 'identityBased'
            endpointUri: cold.properties.primaryEndpoints.blob
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing [info]: Routing endpoint 'cold' (storageContainers) of hub 'contoso-hub' sends to storage account 'contosocold' with a managed identity, but nothing here gives that identity Storage Blob Data Contributor on it: delivery fails until the role is assigned.
            containerName: 'telemetry'
            encoding: 'JSON'
          }
          // The role is given to another hub's identity.
          {
            name: 'warm'
            authenticationType: 'identityBased'
            endpointUri: 'https://${warm.name}.blob.${environment().suffixes.storage}/'
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: sends to storage account 'contosowarm'
            containerName: 'telemetry'
            encoding: 'JSON'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive', 'cold', 'warm' ], isEnabled: true }
      ]
    }
  }
}

resource archiveWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive::blobs::telemetry.id, hub.id, blobDataContributor)
  scope: archive::blobs::telemetry
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource otherHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-other-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource warmWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(warm.id, otherHub.id, blobDataContributor)
  scope: warm
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: otherHub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
