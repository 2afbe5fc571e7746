// A nullable parameter left out is null, and null is the property's absence: routing left out keeps the fallback route on.
param routing object?
param settings object = {}
param quietRouting object? = {
  fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'www.bing.com', 'www.microsoft.com' ]
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'contoso-hub' restricts outbound access
    routing: routing
  }
}

// `.?` of a key the object does not hold is null, and so is `??` when both sides are.
resource safeHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-safe-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'www.bing.com' ]
//                   ^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'contoso-safe-hub' restricts outbound access
    routing: routing ?? settings.?routing
  }
}

// json('null') is null too; so is a fallback route read from a key that is not there.
resource jsonHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-json-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'www.bing.com' ]
//                   ^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'contoso-json-hub' restricts outbound access
    routing: json('null')
  }
}

resource fallbackHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-fallback-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'www.bing.com' ]
//                   ^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'contoso-fallback-hub' restricts outbound access
    routing: {
      routes: []
      fallbackRoute: settings[?'fallbackRoute']
    }
  }
}

// A nullable parameter's default is what deploys: this one turns the fallback route off.
resource quietHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-quiet-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'www.bing.com' ]
    routing: quietRouting
  }
}
