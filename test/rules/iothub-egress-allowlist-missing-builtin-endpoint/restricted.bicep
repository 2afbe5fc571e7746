param location string = resourceGroup().location
param prefix string = 'northwind'

var storageSuffix = environment().suffixes.storage

resource telemetry 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '${prefix}telemetry'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// The list names the storage account by interpolation, but not the built-in endpoint, which still gets the fallback route.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ '${telemetry.name}.blob.${storageSuffix}' ]
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint [warning]: Hub 'northwind-hub' restricts outbound access, but allowedFqdnList has no entry for its built-in Event Hub-compatible endpoint (iothub-ns-….servicebus.windows.net)
  }
}

// The fallback route is off, but a route still names 'events'; the list is a variable over lines.
var routedHosts = [
  '${prefix}telemetry.blob.${storageSuffix}'
  '${prefix}-ehns.servicebus.windows.net'
]

resource routedHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-routed-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: routedHosts
//                   ^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'northwind-routed-hub' restricts outbound access
    routing: {
      routes: [
        { name: 'Alerts', source: 'DeviceMessages', condition: 'alert = true', endpointNames: [ 'events' ], isEnabled: true }
      ]
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
    }
  }
}

// Exported from the portal: the exact host of the built-in endpoint is known, and the list names another hub's.
resource exportedHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-prod-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    eventHubEndpoints: {
      events: {
        retentionTimeInDays: 1
        partitionCount: 4
        endpoint: 'sb://iothub-ns-northwind-25130871-2d9c64b5f1.servicebus.windows.net/'
      }
    }
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
//  ^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: lacks its built-in Event Hub-compatible endpoint 'iothub-ns-northwind-25130871-2d9c64b5f1.servicebus.windows.net'
      'iothub-ns-northwind-11870930-0a4be11c29.servicebus.windows.net'
    ]
  }
}

// A loop of hubs sharing one list: reported once, on the list.
var regionalHosts = [ '${prefix}regional.blob.${storageSuffix}' ]
param regions array = [ 'eastus', 'westus' ]

resource regionalHubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: '${prefix}-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: regionalHosts
//                   ^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint
  }
}]
