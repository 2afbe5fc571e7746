param location string = 'westeurope'
param zoneId string
param targetId string
param zoneNames array

var subnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints')

resource devicesZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.azure-devices.net'
  location: 'global'
}

resource serviceBusZone 'Microsoft.Network/privateDnsZones@2020-06-01' existing = {
  name: 'privatelink.servicebus.windows.net'
  scope: resourceGroup('dns-rg')
}

// Both zones of a hub, by their symbols.
resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'hub-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: resourceId('Microsoft.Devices/IotHubs', 'contoso-hub'), groupIds: ['iotHub'] } }
    ]
  }

  resource zones 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        { name: 'devices', properties: { privateDnsZoneId: devicesZone.id } }
        { name: 'servicebus', properties: { privateDnsZoneId: serviceBusZone.id } }
      ]
    }
  }
}

// The cluster's zone for its region, interpolated; the storage zones beside it do no harm.
resource clusterEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'cluster-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', 'contosoadx'), groupIds: ['cluster'] } }
    ]
  }

  resource zones 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        { name: 'kusto', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.${location}.kusto.windows.net') } }
        { name: 'blob', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.${environment().suffixes.storage}') } }
      ]
    }
  }
}

// Device Update's API zone, and its other zone in another letter case.
resource aduEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'adu-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    manualPrivateLinkServiceConnections: [
      { name: 'adu', properties: { privateLinkServiceId: resourceId('Microsoft.DeviceUpdate/accounts', 'contoso-adu'), groupIds: ['DeviceUpdate'] } }
    ]
  }
}

resource aduZones 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-09-01' = {
  parent: aduEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      { name: 'api', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.api.adu.microsoft.com') } }
      { name: 'adu', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'PrivateLink.ADU.Microsoft.com') } }
    ]
  }
}

// A zone given from outside, zones from a list that is not known, an empty list.
resource hubEndpoint2 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'hub-pe-2'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: resourceId('Microsoft.Devices/IotHubs', 'contoso-hub-2'), groupIds: ['iotHub'] } }
    ]
  }

  resource given 'privateDnsZoneGroups' = {
    name: 'given'
    properties: { privateDnsZoneConfigs: [{ name: 'zone', properties: { privateDnsZoneId: zoneId } }] }
  }

  resource listed 'privateDnsZoneGroups' = {
    name: 'listed'
    properties: {
      privateDnsZoneConfigs: [for zone in zoneNames: { name: zone, properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', zone) } }]
    }
  }

  resource empty 'privateDnsZoneGroups' = {
    name: 'empty'
    properties: { privateDnsZoneConfigs: [] }
  }
}

// A storage account's endpoint, and an endpoint whose target is not known.
resource storageEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'storage-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'blob', properties: { privateLinkServiceId: resourceId('Microsoft.Storage/storageAccounts', 'contosoarchive'), groupIds: ['blob'] } }
    ]
  }

  resource zones 'privateDnsZoneGroups' = {
    name: 'default'
    properties: { privateDnsZoneConfigs: [{ name: 'blob', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net') } }] }
  }
}

resource unknownEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'unknown-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'any', properties: { privateLinkServiceId: targetId, groupIds: ['iotHub'] } }
    ]
  }

  resource zones 'privateDnsZoneGroups' = {
    name: 'default'
    properties: { privateDnsZoneConfigs: [{ name: 'blob', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net') } }] }
  }
}

// A zone group of a private endpoint deployed elsewhere.
resource elsewhere 'Microsoft.Network/privateEndpoints@2023-09-01' existing = {
  name: 'elsewhere-pe'
}

resource elsewhereZones 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-09-01' = {
  parent: elsewhere
  name: 'default'
  properties: { privateDnsZoneConfigs: [{ name: 'blob', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net') } }] }
}
