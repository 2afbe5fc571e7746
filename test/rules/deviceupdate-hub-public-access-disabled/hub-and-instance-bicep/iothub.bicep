param iotHubName string
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string = 'Enabled'

// The parameters file closes the hub, whose built-in endpoint still receives messages.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: iotHubName
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: publicNetworkAccess
//                       ^^^^^^^^^^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation
    routing: {
      routes: [
        {
          name: 'DeviceUpdate.DeviceLifeCycle'
          source: 'DeviceLifecycleEvents'
          condition: 'opType = \'deleteDeviceIdentity\' OR opType = \'deleteModuleIdentity\''
          endpointNames: ['events']
          isEnabled: true
        }
      ]
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: true }
    }
  }
}
