param location string = resourceGroup().location

// The hub comes from a module deployed to its own resource group, closed by the value passed to it.
module iot 'iothub.bicep' = {
  name: 'iot'
  scope: resourceGroup('iot-rg')
  params: {
    hubName: 'contoso-fleet-hub'
    location: location
    publicNetworkAccess: 'Disabled'
  }
}

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: { sku: 'Standard' }
}

// Its id read from the module's outputs.
resource fleet 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = {
  parent: account
  name: 'fleet'
  location: location
  properties: {
    iotHubs: [
      { resourceId: iot.outputs.hubId }
//                  ^^^^^^^^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/fleet' links hub 'contoso-fleet-hub'
    ]
  }
}

// Its id written with the resource group; the same name in another resource group is another hub.
resource lab 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = {
  parent: account
  name: 'lab'
  location: location
  properties: {
    iotHubs: [
      { resourceId: resourceId('iot-rg', 'Microsoft.Devices/IotHubs', 'contoso-fleet-hub') }
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/lab' links hub 'contoso-fleet-hub'
      { resourceId: resourceId('staging-rg', 'Microsoft.Devices/IotHubs', 'contoso-fleet-hub') }
    ]
  }
}
