param location string = 'westeurope'
param hubName string = 'contoso-hub'
param clusterName string = 'contosoadx'
@allowed(['Approved', 'Pending', 'Rejected', 'Disconnected'])
param aduConnectionStatus string = 'Rejected'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {}

  // A connection nested in the hub, still waiting.
  resource plant 'privateEndpointConnections' = {
    name: 'plant-network'
    properties: {
      privateEndpoint: { id: resourceId('network-rg', 'Microsoft.Network/privateEndpoints', 'contoso-hub-pe') }
      privateLinkServiceConnectionState: {
        status: 'Pending'
//              ^^^^^^^^^ private-endpoint-connection-not-approved [warning]: Private endpoint connection 'plant-network' of IoT hub 'contoso-hub' is Pending: no traffic flows over it until it is Approved.
        description: 'Please approve my request!'
        actionsRequired: 'None'
      }
    }
  }
}

// A connection with parent:, in lower case.
resource lab 'Microsoft.Devices/IotHubs/privateEndpointConnections@2023-06-30' = {
  parent: hub
  name: 'lab-network'
  properties: {
    privateLinkServiceConnectionState: { status: 'rejected', description: 'Not from this network.' }
//                                               ^^^^^^^^^^ private-endpoint-connection-not-approved: Private endpoint connection 'lab-network' of IoT hub 'contoso-hub' is rejected
  }
}

// A Device Update account's connection, its status from a parameter's default.
resource account 'Microsoft.DeviceUpdate/accounts@2023-07-01' = {
  name: 'contoso-adu'
  location: location
  properties: { sku: 'Standard', publicNetworkAccess: 'Disabled' }

  resource factory 'privateEndpointConnections' = {
    name: 'factory-network'
    properties: {
      privateEndpoint: {}
      privateLinkServiceConnectionState: {
        status: aduConnectionStatus
//              ^^^^^^^^^^^^^^^^^^^ private-endpoint-connection-not-approved: Private endpoint connection 'factory-network' of Device Update account 'contoso-adu' is Rejected: update management fails until it is Approved. A rejected connection cannot be approved again: delete it and create it anew.
        description: 'Rejected by the network team.'
      }
    }
  }
}

// A cluster deployed elsewhere, its connection named 'cluster/connection' by interpolation.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: clusterName
}

resource analytics 'Microsoft.Kusto/clusters/privateEndpointConnections@2024-04-13' = {
  name: '${cluster.name}/analytics-network'
  properties: {
    privateLinkServiceConnectionState: { status: 'Disconnected', description: 'The private endpoint was deleted.' }
//                                               ^^^^^^^^^^^^^^ private-endpoint-connection-not-approved: Private endpoint connection 'analytics-network' of Data Explorer cluster 'contosoadx' is Disconnected: no traffic flows
  }
}
