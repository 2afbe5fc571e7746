param location string = 'westeurope'

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {}
}

// The module builds the private endpoint from what it is given: the wrong group id is written here.
module clusterEndpoint 'private-endpoint.bicep' = {
  name: 'cluster-pe'
  params: {
    name: 'contosoadx-pe'
    location: location
    targetId: cluster.id
    groupIds: ['clusters']
//             ^^^^^^^^^^ private-endpoint-group-id: Private endpoint 'contosoadx-pe' asks Data Explorer cluster 'contosoadx' for group id 'clusters'
  }
}

module clusterEndpoint2 'private-endpoint.bicep' = {
  name: 'cluster-pe-2'
  params: {
    name: 'contosoadx-pe-2'
    location: location
    targetId: cluster.id
    groupIds: ['Cluster']
  }
}
