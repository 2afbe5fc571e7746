param location string = 'westeurope'
param partners array = [
  'fabrikam'
  'northwind'
]

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: {
    sku: 'Standard'
    publicNetworkAccess: 'Disabled'
    // The connections as the account lists them, one per known partner from a loop in the value.
    privateEndpointConnections: [for partner in partners: {
      name: '${partner}-network'
      properties: {
        privateEndpoint: {}
        privateLinkServiceConnectionState: { status: 'Pending', description: 'Partner access', actionsRequired: 'None' }
//                                                   ^^^^^^^^^ private-endpoint-connection-not-approved: Private endpoint connection 'fabrikam-network' of Device Update account 'contoso-adu' is Pending: update management fails until it is Approved.
      }
    }]
  }
}

// One connection resource per partner: one declaration stands for them all.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'contoso-hub'
}

resource partnerConnections 'Microsoft.Devices/IotHubs/privateEndpointConnections@2023-06-30' = [for partner in partners: {
  parent: hub
  name: '${partner}-network'
  properties: {
    privateLinkServiceConnectionState: { status: 'Pending', description: 'Partner access' }
//                                               ^^^^^^^^^ private-endpoint-connection-not-approved: of IoT hub 'contoso-hub' is Pending
  }
}]
