param clusterName string = 'contosoadx'
param location string = 'westeurope'
param dnsZoneName string = 'privatelink.${location}.kusto.windows.net'

// The default zone is the cluster's; the parameters file names the storage zone instead.
resource endpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${clusterName}-pe'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'cluster', properties: { privateLinkServiceId: resourceId('Microsoft.Kusto/clusters', clusterName), groupIds: ['cluster'] } }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-09-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
//  ^^^^^^^^^^^^^^^^^^^^^ private-dns-zone-mismatch: DNS zone group 'contosoadx-pe/default' of private endpoint 'contosoadx-pe' names no zone a Data Explorer cluster needs
      {
        name: 'zone'
        properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', dnsZoneName) }
      }
    ]
  }
}
