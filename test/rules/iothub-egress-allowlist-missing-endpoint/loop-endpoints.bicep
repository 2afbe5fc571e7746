param location string = resourceGroup().location

// One storage account per data set, made by a loop.
var datasets = [ 'raw', 'curated' ]

resource lake 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'adatumlake'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'

  resource blobs 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [for dataset in datasets: {
      name: dataset
    }]
  }
}

// The routing endpoints are unrolled from the same known array: every one sends to the same host, reported once on the first,
// and file upload sends there too.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'adatum-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-adatum-hub-4410221-3e2f1a0b9c.servicebus.windows.net' ]
    routing: {
      endpoints: {
        storageContainers: [for dataset in datasets: {
          name: '${dataset}-archive'
          authenticationType: 'identityBased'
          endpointUri: lake.properties.primaryEndpoints.blob
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: Routing endpoint 'raw-archive' (storageContainers) of hub 'adatum-hub' (and 2 more sending there) will fail: 'adatumlake.blob.core.windows.net'
          containerName: dataset
        }]
      }
      routes: [for dataset in datasets: {
        name: dataset
        source: 'DeviceMessages'
        condition: '$body.dataset = \'${dataset}\''
        endpointNames: [ '${dataset}-archive' ]
        isEnabled: true
      }]
    }
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${lake.name};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}

resource lakeWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(lake.id, hub.id, 'blob')
  scope: lake
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
