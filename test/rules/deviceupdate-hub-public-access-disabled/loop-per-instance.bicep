param location string = 'westus2'
param sites array = [
  { name: 'lyon', publicNetworkAccess: 'Enabled' }
  { name: 'porto', publicNetworkAccess: 'Disabled' }
]

// A hub per site, closed or open as its item says, and an instance per site linking the hub of its index: only the
// instance that links the closed hub is reported.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for site in sites: {
  name: 'contoso-${site.name}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: site.publicNetworkAccess
    networkRuleSets: { defaultAction: 'Deny', applyToBuiltInEventHubEndpoint: true, ipRules: [] }
  }
}]

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: { sku: 'Standard' }
}

resource instances 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = [for (site, i) in sites: {
  parent: account
  name: site.name
  location: location
  properties: {
    iotHubs: [
      { resourceId: hubs[i].id }
//                  ^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/porto' links hub 'contoso-porto-hub'
    ]
  }
}]
