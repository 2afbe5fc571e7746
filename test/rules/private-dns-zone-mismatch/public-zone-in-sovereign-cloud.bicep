// @cloud AzureChinaCloud
param location string = 'chinanorth3'

// In Azure China the hub's host is contoso-cn-hub.azure-devices.cn: zones of the public cloud do not serve it.
var zoneNames = [
  'privatelink.azure-devices.net'
  'privatelink.servicebus.windows.net'
]

resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'hub-pe'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: resourceId('Microsoft.Devices/IotHubs', 'contoso-cn-hub'), groupIds: ['iotHub'] } }
    ]
  }

  resource zoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [for zone in zoneNames: {
//    ^^^^^^^^^^^^^^^^^^^^^ private-dns-zone-mismatch: DNS zone group 'hub-pe/default' of private endpoint 'hub-pe' names no zone an IoT hub needs (privatelink.azure-devices.cn, and privatelink.servicebus.chinacloudapi.cn for the built-in endpoint)
        name: replace(zone, '.', '-')
        properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', zone) }
      }]
    }
  }
}

// The zone of Azure China's built-in endpoint serves the hub.
resource hubEndpoint2 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'hub-pe-2'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'hub', properties: { privateLinkServiceId: resourceId('Microsoft.Devices/IotHubs', 'contoso-cn-hub-2'), groupIds: ['iotHub'] } }
    ]
  }

  resource zoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        { name: 'servicebus', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.servicebus.chinacloudapi.cn') } }
      ]
    }
  }
}
