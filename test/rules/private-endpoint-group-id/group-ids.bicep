param location string = 'westeurope'
param hubName string = 'contoso-hub'
param clusterGroupId string = 'kusto'

var subnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints')
var hubGroupIds = ['iotHubServices']
//                 ^^^^^^^^^^^^^^^^ private-endpoint-group-id: Private endpoint 'contoso-hub-pe-2' asks IoT hub 'contoso-hub' for group id 'iotHubServices'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}

// A plural that the hub does not offer, the target by its symbol.
resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${hub.name}-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: '${hub.name}-pe'
        properties: {
          privateLinkServiceId: hub.id
          groupIds: ['iotHubs']
//                   ^^^^^^^^^ private-endpoint-group-id [error]: Private endpoint 'contoso-hub-pe' asks IoT hub 'contoso-hub' for group id 'iotHubs', which it does not offer (iotHub, iotHubService, iotHubDevice): the connection cannot be made.
        }
      }
    ]
  }
}

// The group ids from a variable; a manual connection with a storage group id beside a valid one in another letter case.
resource hubEndpoint2 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${hub.name}-pe-2'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'services', properties: { privateLinkServiceId: hub.id, groupIds: hubGroupIds } }
    ]
    manualPrivateLinkServiceConnections: [
      {
        name: 'devices'
        properties: {
          privateLinkServiceId: '${resourceGroup().id}/providers/Microsoft.Devices/IotHubs/${hubName}'
          groupIds: ['blob', 'IOTHUBDEVICE']
//                   ^^^^^^ private-endpoint-group-id: Private endpoint 'contoso-hub-pe-2' asks IoT hub 'contoso-hub' for group id 'blob'
          requestMessage: 'Private access for the plant network.'
        }
      }
    ]
  }
}

// A cluster in another resource group, its group id from a parameter's default.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: 'contosoadx'
  scope: resourceGroup('analytics-rg')
}

resource clusterEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: cluster.id, groupIds: [clusterGroupId] } }
//                                                                                  ^^^^^^^^^^^^^^ private-endpoint-group-id: Private endpoint 'contosoadx-pe' asks Data Explorer cluster 'contosoadx' for group id 'kusto', which it does not offer (cluster)
    ]
  }
}

// Device Update accounts: one connection per account from a loop over a known list.
var accounts = [
  { name: 'contoso-adu', groupId: 'account' }
//                                ^^^^^^^^^ private-endpoint-group-id: asks Device Update account 'contoso-adu' for group id 'account', which it does not offer (DeviceUpdate)
  { name: 'contoso-adu-2', groupId: 'DeviceUpdate' }
]

resource aduEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contoso-adu-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    manualPrivateLinkServiceConnections: [for a in accounts: {
      name: a.name
      properties: {
        privateLinkServiceId: resourceId('Microsoft.DeviceUpdate/accounts', a.name)
        groupIds: [a.groupId]
      }
    }]
  }
}
