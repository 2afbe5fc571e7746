param hubName string
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string = 'Enabled'
param accountName string = 'contoso-adu'

// The default keeps the hub open; the parameters file closes it.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: publicNetworkAccess
    routing: {
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: false }
    }
  }
}

resource instance 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = {
  name: '${accountName}/fleet'
  location: 'westeurope'
  properties: {
    iotHubs: [
      { resourceId: hub.id }
//                  ^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/fleet' links hub 'contoso-factory-hub'
    ]
    enableDiagnostics: false
  }
}
