// Whether the hub is isolated is decided per environment, in the .bicepparam file.
param environmentName string
param publicNetworkAccess string = 'Enabled'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'tailspin-${environmentName}-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: publicNetworkAccess
//                       ^^^^^^^^^^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation: Hub 'tailspin-prod-hub' closes public ingress (publicNetworkAccess is Disabled)
    routing: {
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: true }
    }
  }
}
