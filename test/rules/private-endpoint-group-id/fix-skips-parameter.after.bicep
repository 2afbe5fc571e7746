param clusterGroupId string = 'kusto'

// The first group id comes from a parameter: no fix there; the literal of the second endpoint is fixed.
resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', 'contosoadx'), groupIds: [clusterGroupId] } }
    ]
  }
}

resource endpoint2 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe-2'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', 'contosoadx'), groupIds: ['cluster'] } }
    ]
  }
}
