// The same host twice, in other letter case: the fix removes the second line.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net'
      'contosoarchive.blob.core.windows.net'
      'ContosoArchive.blob.core.windows.net' // pasted from the portal
      'contoso-events.servicebus.windows.net'
    ]
  }
}
