param location string = 'westeurope'
param status string
param connections array

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    // Approved in any letter case, given from outside, not stated yet.
    privateEndpointConnections: [
      { name: 'plant-network', properties: { privateEndpoint: {}, privateLinkServiceConnectionState: { status: 'approved', description: 'Auto-Approved' } } }
      { name: 'lab-network', properties: { privateEndpoint: {}, privateLinkServiceConnectionState: { status: status, description: 'Given from outside' } } }
      { name: 'new-network', properties: { privateEndpoint: {} } }
    ]
  }

  resource office 'privateEndpointConnections' = {
    name: 'office-network'
    properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved by the network team.' } }
  }
}

// Connections from a list that is not known.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    privateEndpointConnections: [for c in connections: {
      name: c.name
      properties: { privateLinkServiceConnectionState: { status: c.status } }
    }]
  }
}

resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' existing = {
  name: 'contoso-adu'
}

resource factory 'Microsoft.DeviceUpdate/accounts/privateEndpointConnections@2023-07-01' = {
  parent: account
  name: 'factory-network'
  properties: { privateEndpoint: {}, privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' } }
}

// A storage account's connection: not a service this rule is about.
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'contosoarchive'
}

resource storageConnection 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-01-01' = {
  parent: storage
  name: 'plant-network'
  properties: { privateEndpoint: {}, privateLinkServiceConnectionState: { status: 'Pending', description: 'Please approve' } }
}

// A pending connection that is not deployed: its condition is known to be false.
param addPartner bool = false
resource partner 'Microsoft.Devices/IotHubs/privateEndpointConnections@2023-06-30' = if (addPartner) {
  parent: hub
  name: 'partner-network'
  properties: { privateLinkServiceConnectionState: { status: 'Pending', description: 'Partner access' } }
}
