// A tab after the host, written as an escape.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'wingtip-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-wingtip-hu-3301877-8c1d0e2f4a.servicebus.windows.net'
      'wingtip-eh.servicebus.windows.net\t'
    ]
  }
}
