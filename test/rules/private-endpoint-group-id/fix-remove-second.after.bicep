resource cluster 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: 'contosoadx'
}

// A valid group id is there already: the wrong one is removed.
resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: cluster.id, groupIds: ['cluster'] } }
    ]
  }
}
