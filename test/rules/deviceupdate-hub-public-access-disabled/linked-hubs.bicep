param location string = 'westus2'
param hubName string = 'contoso-fleet-hub'
@allowed(['Enabled', 'Disabled'])
param hubPublicNetworkAccess string = 'Disabled'

// Public network access closed through a parameter's default; Device Update's routes go to the built-in endpoint.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: hubPublicNetworkAccess
    networkRuleSets: { defaultAction: 'Deny', applyToBuiltInEventHubEndpoint: true, ipRules: [] }
    routing: {
      routes: [
        { name: 'DeviceUpdate.DigitalTwinChanges', source: 'DigitalTwinChangeEvents', condition: 'true', endpointNames: ['events'], isEnabled: true }
      ]
    }
  }
}

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: { sku: 'Standard' }

  // An instance nested in its account, linking the hub by its symbol.
  resource fleet 'instances' = {
    name: 'fleet'
    location: location
    properties: {
      iotHubs: [
        { resourceId: hub.id }
//                    ^^^^^^ deviceupdate-hub-public-access-disabled [error]: Device Update instance 'contoso-adu/fleet' links hub 'contoso-fleet-hub', whose publicNetworkAccess is Disabled
      ]
    }
  }
}

// A top-level instance with parent:, the hub's id built with resourceId().
resource lab 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = {
  parent: account
  name: 'lab'
  location: location
  properties: {
    iotHubs: [
      { resourceId: resourceId('Microsoft.Devices/IotHubs', hubName) }
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/lab' links hub 'contoso-fleet-hub'
    ]
  }
}

// The setting written in lower case, the hub's id interpolated from the resource group's id.
resource stagingHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-staging-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'disabled'
    routing: {
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: false }
    }
  }
}

resource staging 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = {
  name: '${account.name}/staging'
  location: location
  properties: {
    iotHubs: [
      { resourceId: '${resourceGroup().id}/providers/Microsoft.Devices/IotHubs/${stagingHub.name}' }
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/staging' links hub 'contoso-staging-hub'
    ]
  }
}
