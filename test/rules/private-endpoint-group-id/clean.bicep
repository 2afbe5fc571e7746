param location string = 'westeurope'
param groupId string
param targetId string
param targets array

var subnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints')

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: 'contoso-hub'
}

// Every group id the hub offers, in any letter case.
resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contoso-hub-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: hub.id, groupIds: ['iotHub'] } }
      { name: 'service', properties: { privateLinkServiceId: hub.id, groupIds: ['iotHubService'] } }
      { name: 'device', properties: { privateLinkServiceId: hub.id, groupIds: ['IOTHUBDEVICE'] } }
    ]
  }
}

// The cluster's and the Device Update account's group ids.
resource clusterEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', 'contosoadx'), groupIds: ['cluster'] } }
    ]
    manualPrivateLinkServiceConnections: [
      { name: 'adu', properties: { privateLinkServiceId: resourceId('Microsoft.DeviceUpdate/accounts', 'contoso-adu'), groupIds: ['deviceupdate'] } }
    ]
  }
}

// A group id given from outside, a target given from outside, targets from a list that is not known.
resource unknownEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'unknown-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: hub.id, groupIds: [groupId] } }
      { name: 'any', properties: { privateLinkServiceId: targetId, groupIds: ['blob'] } }
    ]
  }
}

resource perTarget 'Microsoft.Network/privateEndpoints@2023-09-01' = [for t in targets: {
  name: '${t.name}-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: t.name, properties: { privateLinkServiceId: t.id, groupIds: [t.groupId] } }
    ]
  }
}]

// Other services' group ids on their own targets.
resource storageEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'storage-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'blob', properties: { privateLinkServiceId: resourceId('Microsoft.Storage/storageAccounts', 'contosoarchive'), groupIds: ['blob'] } }
      { name: 'namespace', properties: { privateLinkServiceId: resourceId('Microsoft.EventHub/namespaces', 'contoso-events'), groupIds: ['namespace'] } }
    ]
  }
}

// A wrong group id on an endpoint that is not deployed.
param deployLab bool = false
resource labEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = if (deployLab) {
  name: 'lab-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: hub.id, groupIds: ['iotHubs'] } }
    ]
  }
}
