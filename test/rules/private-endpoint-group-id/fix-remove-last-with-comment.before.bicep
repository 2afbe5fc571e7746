// The wrong group id is the last of the list, with a comment after it.
resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      {
        name: 'cluster'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', 'contosoadx')
          groupIds: [
            'cluster' // the right one
            'kusto' // copied from somewhere
          ]
        }
      }
    ]
  }
}
