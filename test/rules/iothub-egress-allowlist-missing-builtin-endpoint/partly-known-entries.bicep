param regions array = [
  'westeurope'
  'northeurope'
]
param builtInEndpointSuffix string

// Each hub of the loop lists a storage host made of its region: no entry can be its built-in endpoint.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'relecloud-${region}-hub'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
//  ^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint
      'relecloud${region}.blob.${environment().suffixes.storage}'
    ]
  }
}]

// The same with an entry of the endpoint's shape, its tail from a parameter: it may be the endpoint.
resource others 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'fabrikam-${region}-hub'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'fabrikam${region}.blob.${environment().suffixes.storage}'
      'iothub-ns-fabrikam-${builtInEndpointSuffix}'
    ]
  }
}]
