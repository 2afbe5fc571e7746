// The restricted hubs are deployed only where the .bicepparam file says so, and it says no.
param deployIsolatedHubs bool
param regions array = [ 'westeurope', 'northeurope' ]

resource isolatedHub 'Microsoft.Devices/IotHubs@2023-06-30' = if (deployIsolatedHubs) {
  name: 'adatum-isolated-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
  }
}

// The same condition inside a loop.
@batchSize(1)
resource isolatedHubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: if (deployIsolatedHubs) {
  name: 'adatum-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: []
  }
}]
