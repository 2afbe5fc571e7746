resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contoso-adu-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    manualPrivateLinkServiceConnections: [
      {
        name: 'contoso-adu-pe'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.DeviceUpdate/accounts', 'contoso-adu')
          groupIds: ['adu']
          requestMessage: 'Device Update over the factory network.'
        }
      }
    ]
  }
}
