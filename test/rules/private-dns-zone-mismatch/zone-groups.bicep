param location string = 'westeurope'
param hubName string = 'contoso-hub'
param aduZoneIds array = [
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/dns-rg/providers/Microsoft.Network/privateDnsZones/privatelink.azure-devices.net'
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/dns-rg/providers/Microsoft.Network/privateDnsZones/privatelink.servicebus.windows.net'
]

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: 'contoso-vnet'

  resource endpoints 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: hubName
}

// A zone group copied from a storage template, nested in the hub's private endpoint.
resource blobZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.${environment().suffixes.storage}'
  location: 'global'
}

resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${hubName}-pe'
  location: location
  properties: {
    subnet: { id: vnet::endpoints.id }
    privateLinkServiceConnections: [
      {
        name: '${hubName}-pe'
        properties: { privateLinkServiceId: hub.id, groupIds: ['iotHub'] }
      }
    ]
  }

  resource zones 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
//    ^^^^^^^^^^^^^^^^^^^^^ private-dns-zone-mismatch [warning]: DNS zone group 'contoso-hub-pe/default' of private endpoint 'contoso-hub-pe' names no zone an IoT hub needs (privatelink.azure-devices.net, and privatelink.servicebus.windows.net for the built-in endpoint): clients in the network keep resolving the public address.
        {
          name: 'blob'
          properties: { privateDnsZoneId: blobZone.id }
        }
      ]
    }
  }
}

// The zones of the IoT hub given to a Device Update account's endpoint, in a zone group with parent:.
resource aduEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contoso-adu-pe'
  location: location
  properties: {
    subnet: { id: vnet::endpoints.id }
    manualPrivateLinkServiceConnections: [
      {
        name: 'contoso-adu-pe'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.DeviceUpdate/accounts', 'contoso-adu')
          groupIds: ['DeviceUpdate']
          requestMessage: 'Device Update over the factory network.'
        }
      }
    ]
  }
}

resource aduZones 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-09-01' = {
  parent: aduEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [for (zoneId, i) in aduZoneIds: {
//  ^^^^^^^^^^^^^^^^^^^^^ private-dns-zone-mismatch: DNS zone group 'contoso-adu-pe/default' of private endpoint 'contoso-adu-pe' names no zone a Device Update account needs (privatelink.adu.microsoft.com or privatelink.api.adu.microsoft.com)
      name: 'zone-${i}'
      properties: { privateDnsZoneId: zoneId }
    }]
  }
}

// A cluster's zone names its region: privatelink.<region>.kusto.windows.net; on one line, the finding sits on the value.
resource clusterEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'contosoadx-pe'
  location: location
  properties: {
    subnet: { id: vnet::endpoints.id }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', 'contosoadx'), groupIds: ['cluster'] } }
    ]
  }

  resource zones 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: 'kusto', properties: { privateDnsZoneId: resourceId('dns-rg', 'Microsoft.Network/privateDnsZones', 'privatelink.kusto.windows.net') } }]
//                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ private-dns-zone-mismatch: names no zone a Data Explorer cluster needs (privatelink.<region>.kusto.windows.net)
    }
  }
}
