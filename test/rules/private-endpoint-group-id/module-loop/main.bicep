param location string = 'westeurope'

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {}
}

var endpoints = [
  { name: 'analytics', groupId: 'cluster' }
  { name: 'reporting', groupId: 'clusters' }
//                              ^^^^^^^^^^ private-endpoint-group-id: Private endpoint 'contosoadx-pe-reporting' asks Data Explorer cluster 'contosoadx' for group id 'clusters'
]

// One module deployment per item: each builds its private endpoint from its item's parameters.
module clusterEndpoints 'private-endpoint.bicep' = [for endpoint in endpoints: {
  name: 'pe-${endpoint.name}'
  params: {
    name: 'contosoadx-pe-${endpoint.name}'
    location: location
    targetId: cluster.id
    groupIds: [endpoint.groupId]
  }
}]
