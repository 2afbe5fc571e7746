param name string
param location string
param targetId string
param groupId string
param zoneIds array

resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: name
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: name, properties: { privateLinkServiceId: targetId, groupIds: [groupId] } }
    ]
  }

  resource zoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [for (zoneId, i) in zoneIds: {
//    ^^^^^^^^^^^^^^^^^^^^^ private-dns-zone-mismatch: DNS zone group 'contoso-adu-pe/default' of private endpoint 'contoso-adu-pe' names no zone a Device Update account needs
        name: 'zone-${i}'
        properties: { privateDnsZoneId: zoneId }
      }]
    }
  }
}
