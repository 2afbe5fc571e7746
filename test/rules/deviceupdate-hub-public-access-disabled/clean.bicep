param location string = 'westus2'
@allowed(['Enabled', 'Disabled'])
param hubAccess string
param otherHubId string
param linkedHubs array

// Open, as Device Update needs it.
resource openHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub-enabled'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: { publicNetworkAccess: 'Enabled' }
}

// Not set: enabled by default.
resource defaultHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub-default'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}

// From a parameter without a value: unknown.
resource unknownHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub-unknown'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: { publicNetworkAccess: hubAccess }
}

// Deployed elsewhere: its setting is not known here.
resource existingHub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'hub-existing'
}

// Closed, but only when a condition holds that is known to be false: it is not deployed.
param closeLabHub bool = false
resource labHub 'Microsoft.Devices/IotHubs@2023-06-30' = if (closeLabHub) {
  name: 'hub-lab'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    networkRuleSets: { defaultAction: 'Deny', applyToBuiltInEventHubEndpoint: true, ipRules: [] }
  }
}

// Closed, but linked by no instance.
resource closedHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub-closed-unlinked'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    networkRuleSets: { defaultAction: 'Deny', applyToBuiltInEventHubEndpoint: true, ipRules: [] }
  }
}

// A Device Update account closed to the public is supported: only the hub's setting matters.
resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: { sku: 'Standard', publicNetworkAccess: 'Disabled' }

  resource blue 'instances' = {
    name: 'blue'
    location: location
    properties: {
      iotHubs: [
        { resourceId: openHub.id }
        { resourceId: defaultHub.id }
        { resourceId: unknownHub.id }
        { resourceId: existingHub.id }
        { resourceId: otherHubId }
        { resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Devices/IotHubs/hub-somewhere-else' }
        // A look-alike name of another type.
        { resourceId: resourceId('Microsoft.Devices/provisioningServices', closedHub.name) }
      ]
    }
  }

  resource red 'instances' = {
    name: 'red'
    location: location
    properties: { iotHubs: linkedHubs }
  }
}
