param name string
param location string
param targetId string
param groupIds array

resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: name
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: name, properties: { privateLinkServiceId: targetId, groupIds: groupIds } }
    ]
  }
}
