resource hub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'contoso-hub'
}

// The wrong group id is listed first, on its own line.
resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contoso-hub-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    manualPrivateLinkServiceConnections: [
      {
        name: 'devices'
        properties: {
          privateLinkServiceId: hub.id
          groupIds: [
            'blob'
            'iotHubDevice'
          ]
        }
      }
    ]
  }
}
