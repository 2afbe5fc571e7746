param accountName string = 'contoso-adu'
param location string = 'westus2'

// The hub of the other file, by an existing reference and by its id.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'contoso-fleet-hub'
}

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: accountName
  location: location
  properties: { publicNetworkAccess: 'Disabled', sku: 'Standard' }

  resource fleet 'instances' = {
    name: 'fleet'
    location: location
    properties: {
      iotHubs: [
        { resourceId: hub.id }
//                    ^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/fleet' links hub 'contoso-fleet-hub'
      ]
    }
  }

  resource lab 'instances' = {
    name: 'lab'
    location: location
    properties: {
      iotHubs: [
        { resourceId: resourceId('Microsoft.Devices/IotHubs', 'contoso-fleet-hub') }
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/lab' links hub 'contoso-fleet-hub'
      ]
    }
  }
}
