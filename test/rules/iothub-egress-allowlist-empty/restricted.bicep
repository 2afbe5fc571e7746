param location string = resourceGroup().location
param prefix string = 'contoso'

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '${prefix}archive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// Restricted, with no allow list: the route to the storage account stops.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
//                                 ^^^^ iothub-egress-allowlist-empty [warning]: Hub 'contoso-hub' restricts outbound access but has no allowedFqdnList: every egress is blocked
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
            containerName: 'archive'
          }
        ]
      }
      routes: [
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive' ], isEnabled: true }
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

// An empty list, written as a variable: even the built-in endpoint stops receiving.
var allowedHosts = []

resource telemetryHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-telemetry'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: allowedHosts
//                   ^^^^^^^^^^^^ iothub-egress-allowlist-empty: Hub 'contoso-telemetry' restricts outbound access with an empty allowedFqdnList
  }
}

// A loop of hubs: one declaration stands for every instance, and is reported once.
param regions array = [ 'westeurope', 'northeurope' ]

resource regionalHubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: '${prefix}-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: []
//                   ^^ iothub-egress-allowlist-empty: restricts outbound access with an empty allowedFqdnList
  }
}]
