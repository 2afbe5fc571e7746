param hubNames array = [
  'contoso-hub-1'
  'contoso-hub-2'
]

resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for name in hubNames: {
  name: name
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}]

// Both endpoints ask for the same wrong group id, written once in the loop: one fix, written once.
resource endpoints 'Microsoft.Network/privateEndpoints@2023-09-01' = [for (name, i) in hubNames: {
  name: '${name}-pe'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      {
        name: '${name}-pe'
        properties: {
          privateLinkServiceId: hubs[i].id
          groupIds: [
            'iotHub'
          ]
        }
      }
    ]
  }
}]
