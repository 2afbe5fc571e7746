param location string = 'westeurope'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: { sku: 'Standard', publicNetworkAccess: 'Disabled' }
}

// One private endpoint module per service, each given the zones it should use.
module hubEndpoint 'private-endpoint.bicep' = {
  name: 'hub-pe'
  params: {
    name: 'contoso-hub-pe'
    location: location
    targetId: hub.id
    groupId: 'iotHub'
    zoneIds: [
      resourceId('Microsoft.Network/privateDnsZones', 'privatelink.azure-devices.net')
      resourceId('Microsoft.Network/privateDnsZones', 'privatelink.servicebus.windows.net')
    ]
  }
}

// The hub's zones given to the Device Update account's endpoint.
module aduEndpoint 'private-endpoint.bicep' = {
  name: 'adu-pe'
  params: {
    name: 'contoso-adu-pe'
    location: location
    targetId: account.id
    groupId: 'DeviceUpdate'
    zoneIds: [
      resourceId('Microsoft.Network/privateDnsZones', 'privatelink.azure-devices.net')
    ]
  }
}
