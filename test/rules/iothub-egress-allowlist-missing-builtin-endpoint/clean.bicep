param builtInEndpointHost string
param restrictEgress bool
param routing object
param deployLegacyHub bool = false

// Lists a host of the built-in endpoint's shape, written with interpolation.
var hubSuffix = 'relecloud-7731204-1f0e2d3c4b'

resource hub1 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-1'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-${hubSuffix}.servicebus.windows.net'
      'relecloud.blob.${environment().suffixes.storage}'
    ]
  }
}

// An entry from a parameter without a default may be the built-in endpoint.
resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'relecloud.blob.core.windows.net', builtInEndpointHost ]
  }
}

// Whether egress is restricted is not known.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-3'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
    allowedFqdnList: [ 'relecloud.blob.core.windows.net' ]
  }
}

// Routing comes from a parameter: whether the built-in endpoint receives anything is not known.
resource hub4 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-4'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'relecloud.blob.core.windows.net' ]
    routing: routing
  }
}

// The fallback route is off and no route names 'events': the built-in endpoint receives nothing.
resource hub5 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-5'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'relecloud.blob.core.windows.net' ]
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=relecloud;AccountKey=${builtInEndpointHost};EndpointSuffix=core.windows.net'
            containerName: 'archive'
          }
        ]
      }
      routes: [
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive' ], isEnabled: true }
        { name: 'Disabled', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
      ]
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
    }
  }
}

// The exact host is known and listed, in other letter case.
resource hub6 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-6'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    eventHubEndpoints: {
      events: { retentionTimeInDays: 1, partitionCount: 2, endpoint: 'sb://iothub-ns-relecloud-25130902-7fe1a0c3d4.servicebus.windows.net/' }
    }
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'IoTHub-NS-Relecloud-25130902-7FE1A0C3D4.servicebus.windows.net' ]
  }
}

// Not deployed: its condition is false.
resource legacyHub 'Microsoft.Devices/IotHubs@2023-06-30' = if (deployLegacyHub) {
  name: 'relecloud-legacy'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'relecloud.blob.core.windows.net' ]
  }
}

// Only referred to: not configured here.
resource existingHub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'relecloud-shared'
}
