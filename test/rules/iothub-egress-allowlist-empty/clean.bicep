param allowedFqdns array
param restrictEgress bool
param hostCount int

// The list comes from a parameter without a default: it may well be filled.
resource hub1 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-1'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: allowedFqdns
  }
}

// Whether egress is restricted is not known.
resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
    allowedFqdnList: []
  }
}

// Not restricted: an empty list is the normal case.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-3'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: false
    allowedFqdnList: []
  }
}

// A list made by a loop of unknown length.
resource hub4 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-4'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [for i in range(0, hostCount): 'relecloud${i}.blob.${environment().suffixes.storage}']
  }
}

// A list spread from a parameter: it may hold anything.
resource hub5 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-5'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      ...allowedFqdns
    ]
  }
}

// A hub that is only referred to is not this deployment's to configure.
resource existingHub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'relecloud-legacy'
}

// A hub behind a condition known to be false is not deployed.
resource hub6 'Microsoft.Devices/IotHubs@2023-06-30' = if (hostCount > 100 && false) {
  name: 'relecloud-hub-6'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
  }
}

// A filled list, from a loop over a known array.
var storageAccounts = [ 'relecloudraw', 'relecloudcurated' ]

resource hub7 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-7'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [for account in storageAccounts: '${account}.blob.${environment().suffixes.storage}']
    routing: {
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
    }
  }
}
