// A URL pasted into the list: the fix keeps its host.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net'
      'contosoarchive.blob.core.windows.net'
    ]
  }
}
