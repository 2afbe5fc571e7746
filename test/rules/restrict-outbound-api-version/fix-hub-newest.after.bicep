// @fix 2
// The second fix sets the newest stable API version the tool knows.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    allowedFqdnList: [ 'iothub-ns-contoso-hu-2917502-0c1d2e3f4a.servicebus.windows.net' ]
  }
}
