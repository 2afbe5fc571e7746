param publicNetworkAccess string
param isProduction bool

// The network rule set applies to the built-in endpoint too.
resource hub1 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-1'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    networkRuleSets: {
      defaultAction: 'Deny'
      applyToBuiltInEventHubEndpoint: true
      ipRules: []
    }
  }
}

// The built-in endpoint receives nothing: the fallback route is off and no route names it.
resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    routing: {
      routes: [
        { name: 'Disabled', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
      ]
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
    }
  }
}

// Whether public access is closed is not known.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-3'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: publicNetworkAccess
  }
}

resource hub4 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-4'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: isProduction ? 'Disabled' : 'Enabled'
  }
}

// The IP filter still accepts an address range.
resource hub5 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-5'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    ipFilterRules: [
      { filterName: 'office', action: 'Accept', ipMask: '203.0.113.0/24' }
      { filterName: 'deny-all', action: 'Reject', ipMask: '0.0.0.0/0' }
    ]
  }
}

// The network rule set denies by default but lets an address range in.
resource hub6 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-6'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    networkRuleSets: {
      defaultAction: 'Deny'
      applyToBuiltInEventHubEndpoint: false
      ipRules: [ { filterName: 'office', action: 'Allow', ipMask: '203.0.113.0/24' } ]
    }
  }
}

// Routing comes from a parameter-dependent expression: whether the built-in endpoint receives anything is not known.
resource hub7 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-7'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    routing: {
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: !isProduction }
    }
  }
}
