param location string = resourceGroup().location
@description('The principal of the deployment pipeline, which also assigns roles.')
param assigneePrincipalId string

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'relecloudarchive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'

  resource blobs 'blobServices' = {
    name: 'default'
  }
}

resource lake 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'relecloudlake'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource shared 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'relecloudshared'
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'relecloud-events'
  location: location
  sku: { name: 'Standard' }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          // Storage Blob Data Owner on the blob service of the account: enough.
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
            containerName: 'telemetry'
          }
          // Storage Blob Data Contributor on the whole resource group: enough.
          {
            name: 'lake'
            authenticationType: 'identityBased'
            endpointUri: lake.properties.primaryEndpoints.blob
            containerName: 'raw'
          }
          // An account this deployment only refers to: its roles are managed elsewhere.
          {
            name: 'shared'
            authenticationType: 'identityBased'
            endpointUri: 'https://${shared.name}.blob.${environment().suffixes.storage}/'
            containerName: 'shared'
          }
          // Key-based access needs no role.
          {
            name: 'keyed'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${lake.name};AccountKey=${lake.listKeys().keys[0].value}'
            containerName: 'keyed'
          }
        ]
        eventHubs: [
          // A role assignment whose principal is not known may be the hub's.
          {
            name: 'telemetry'
            authenticationType: 'identityBased'
            endpointUri: events.properties.serviceBusEndpoint
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive', 'lake', 'shared', 'keyed', 'telemetry' ], isEnabled: true }
      ]
    }
  }
}

resource archiveOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive::blobs.id, hub.id, 'owner')
  scope: archive::blobs
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource groupWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, hub.id, 'blob')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource pipelineSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(events.id, assigneePrincipalId)
  scope: events
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
    principalId: assigneePrincipalId
  }
}
