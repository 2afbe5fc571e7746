param location string = 'westeurope'
param endpoints array = [
  { name: 'service', groupId: 'iotHubService' }
  { name: 'devices', groupId: 'iotHubDevices' }
//                            ^^^^^^^^^^^^^^^ private-endpoint-group-id: Private endpoint 'contoso-hubs-1-pe-devices' asks IoT hub 'contoso-hubs-1' for group id 'iotHubDevices'
]

// Hubs from a loop too: each endpoint links the hub of its index.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for i in range(0, 2): {
  name: 'contoso-hubs-${i}'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2023-09-01' = [for (endpoint, i) in endpoints: {
  name: '${hubs[i].name}-pe-${endpoint.name}'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: endpoint.name, properties: { privateLinkServiceId: hubs[i].id, groupIds: [endpoint.groupId] } }
    ]
  }
  dependsOn: [hubs]
}]
