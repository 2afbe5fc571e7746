// The fix sets the API version in the resource type to the first that knows the properties.
resource hub 'Microsoft.Devices/IotHubs@2021-07-01' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net' ]
  }
}
