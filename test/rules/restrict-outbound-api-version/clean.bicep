// Recent versions, and old versions that do not use the properties.
resource hub1 'Microsoft.Devices/IotHubs@2021-07-01' = {
  name: 'relecloud-hub-1'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-relecloud-7731204-1f0e2d3c4b.servicebus.windows.net' ]
  }
}

// The preview of 2021-07-01 already has both properties.
resource hub2 'Microsoft.Devices/IotHubs@2021-07-01-preview' = {
  name: 'relecloud-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: false
  }
}

resource hub3 'Microsoft.Devices/IotHubs@2018-04-01' = {
  name: 'relecloud-hub-3'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    ipFilterRules: [ { filterName: 'office', action: 'Accept', ipMask: '203.0.113.0/24' } ]
  }
}

// An existing hub is not deployed by this file: its API version only reads it.
resource legacy 'Microsoft.Devices/IotHubs@2018-04-01' existing = {
  name: 'relecloud-legacy'
}

// Not deployed: its condition is false.
resource oldHub 'Microsoft.Devices/IotHubs@2020-03-01' = if (false) {
  name: 'relecloud-old'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-relecloud-7731299-aa00bb11cc.servicebus.windows.net' ]
  }
}

resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'relecloudadx'
  location: 'westeurope'
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      { calloutType: 'webapi', calloutUriRegex: 'api\\.relecloud\\.com', outboundAccess: 'Allow' }
    ]
  }
}
