// @finding 2
// Two hubs with their exact built-in endpoints; the second one's one-line list gets its host beside the others.
resource eastHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'wingtip-east-hub'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    eventHubEndpoints: {
      events: { retentionTimeInDays: 1, partitionCount: 4, endpoint: 'sb://iothub-ns-wingtip-ea-3301877-8c1d0e2f4a.servicebus.windows.net/' }
    }
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'wingtipeast.blob.core.windows.net' ]
  }
}

resource westHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'wingtip-west-hub'
  location: 'westus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    eventHubEndpoints: {
      events: { retentionTimeInDays: 1, partitionCount: 4, endpoint: 'sb://iothub-ns-wingtip-we-3301902-41aa7d9e03.servicebus.windows.net/' }
    }
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'wingtipwest.blob.core.windows.net', 'iothub-ns-wingtip-ea-3301877-8c1d0e2f4a.servicebus.windows.net', 'iothub-ns-wingtip-we-3301902-41aa7d9e03.servicebus.windows.net' ]
  }
}
