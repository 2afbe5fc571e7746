param location string = 'westus2'
param sites array = [
  'lyon'
  'porto'
]

// One closed hub per site, and one instance per site linking its hub: every hub of the loop is closed.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for site in sites: {
  name: 'contoso-${site}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
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
  name: site
  location: location
  properties: {
    iotHubs: [
      { resourceId: hubs[i].id }
//                  ^^^^^^^^^^ deviceupdate-hub-public-access-disabled: links hub 'contoso-
    ]
  }
}]

// One instance linking every hub, its list unrolled over the known sites.
resource allSites 'Microsoft.DeviceUpdate/accounts/instances@2023-07-01' = {
  parent: account
  name: 'all-sites'
  location: location
  properties: {
    iotHubs: [for (site, i) in sites: { resourceId: hubs[i].id }]
//                                                  ^^^^^^^^^^ deviceupdate-hub-public-access-disabled: Device Update instance 'contoso-adu/all-sites' links hub 'contoso-
  }
}
