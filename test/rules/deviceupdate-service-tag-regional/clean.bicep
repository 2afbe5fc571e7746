param location string = 'westus'
param serviceTag string
param region string
param regions array

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'devices-nsg'
  location: location
  // A tag-like value outside any rule's address fields.
  tags: { 'allowed-egress': 'AzureDeviceUpdate.WestUS' }
  properties: {
    securityRules: [
      // The whole tag, as Device Update needs it.
      {
        name: 'AllowDeviceUpdateOutbound'
        properties: {
          description: 'Device Update cannot use AzureDeviceUpdate.WestUS: the tag is global.'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AzureDeviceUpdate'
          access: 'Allow'
          priority: 100
          direction: 'Outbound'
        }
      }
      // Other services' tags may be regional.
      {
        name: 'AllowIoTHubOutbound'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRanges: ['443', '5671', '8883']
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefixes: ['AzureIoTHub.${location}', 'Storage.WestUS', 'EventHub.WestUS']
          access: 'Allow'
          priority: 110
          direction: 'Outbound'
        }
      }
      // Values from parameters without a value: unknown.
      {
        name: 'AllowFromParameters'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: serviceTag
          destinationAddressPrefix: 'AzureDeviceUpdate.${region}'
          access: 'Allow'
          priority: 120
          direction: 'Inbound'
        }
      }
    ]
  }
}

// Generated from a list that is not known.
resource perRegion 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = [for (r, i) in regions: {
  parent: nsg
  name: 'AllowDeviceUpdate${i}'
  properties: {
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: '443'
    sourceAddressPrefix: 'VirtualNetwork'
    destinationAddressPrefix: 'AzureDeviceUpdate.${r}'
    access: 'Allow'
    priority: 300 + i
    direction: 'Outbound'
  }
}]

// A regional tag in a rule whose condition is known to be false: it is not deployed.
param allowRegional bool = false
resource regional 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = if (allowRegional) {
  parent: nsg
  name: 'AllowDeviceUpdateRegional'
  properties: {
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: '443'
    sourceAddressPrefix: 'VirtualNetwork'
    destinationAddressPrefix: 'AzureDeviceUpdate.WestUS'
    access: 'Allow'
    priority: 400
    direction: 'Outbound'
  }
}

// A route table's prefix is not a security rule.
resource routes 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'devices-routes'
  location: location
  properties: {
    routes: [
      { name: 'adu', properties: { addressPrefix: 'AzureDeviceUpdate', nextHopType: 'Internet' } }
    ]
  }
}
