param accountName string = 'contoso-adu'
param groupId string = 'DeviceUpdate'

// The default is right; the parameters file asks for a group the account does not offer.
resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${accountName}-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      {
        name: '${accountName}-pe'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.DeviceUpdate/accounts', accountName)
          groupIds: [
            groupId
//          ^^^^^^^ private-endpoint-group-id: Private endpoint 'contoso-adu-pe' asks Device Update account 'contoso-adu' for group id 'adu'
          ]
        }
      }
    ]
  }
}
