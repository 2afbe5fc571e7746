resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}

resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${hub.name}-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      {
        name: '${hub.name}-pe'
        properties: {
          privateLinkServiceId: hub.id
          groupIds: [
            'iothubs'
          ]
        }
      }
    ]
  }
}
