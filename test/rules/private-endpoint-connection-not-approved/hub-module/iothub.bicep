param hubName string
param connections array

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    privateEndpointConnections: [for c in connections: {
      name: c.name
      properties: {
        privateEndpoint: {}
        privateLinkServiceConnectionState: { status: c.status, description: 'Set by the deployment' }
      }
    }]
  }
}
