// Exported from the portal, with the exact host of the built-in endpoint: the fix appends it to the list.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'wingtip-hub'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    eventHubEndpoints: {
      events: {
        retentionTimeInDays: 1
        partitionCount: 4
        endpoint: 'sb://iothub-ns-wingtip-hu-3301877-8c1d0e2f4a.servicebus.windows.net/'
      }
    }
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'wingtipeast.blob.${environment().suffixes.storage}'
    ]
  }
}
