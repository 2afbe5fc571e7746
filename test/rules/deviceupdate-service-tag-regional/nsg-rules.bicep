param location string = 'westus'
param region string = 'WestUS2'
param aduServiceTag string = 'AzureDeviceUpdate.WestUS'
param updateSources array = [
  'AzureDeviceUpdate.WestEurope'
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.WestEurope'
  'AzureDeviceUpdate'
]

var aduDestinations = ['AzureDeviceUpdate.NorthEurope', '10.20.0.0/24']
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.NorthEurope'

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'devices-nsg'
  location: location
  properties: {
    securityRules: [
      // A regional tag written literally.
      {
        name: 'AllowDeviceUpdateOutbound'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AzureDeviceUpdate.EastUS'
//                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional [error]: 'AzureDeviceUpdate.EastUS' is a regional form of the AzureDeviceUpdate service tag, which cannot be regional: the rule is rejected. Use 'AzureDeviceUpdate'.
          access: 'Allow'
          priority: 100
          direction: 'Outbound'
        }
      }
      // From a parameter's default, and interpolated from the region.
      {
        name: 'AllowDeviceUpdateFromParameter'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: aduServiceTag
//                             ^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.WestUS'
          destinationAddressPrefix: 'AzureDeviceUpdate.${region}'
//                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.WestUS2'
          access: 'Allow'
          priority: 110
          direction: 'Inbound'
        }
      }
      // Lists from a parameter and a variable: each item where it is written.
      {
        name: 'AllowDeviceUpdateLists'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefixes: updateSources
          destinationAddressPrefixes: aduDestinations
          access: 'Allow'
          priority: 120
          direction: 'Outbound'
        }
      }
      // Other services' tags may be regional; a lower-case regional tag may not.
      {
        name: 'AllowHubAndUpdates'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRanges: ['443', '5671', '8883']
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefixes: ['AzureIoTHub.WestUS', 'azuredeviceupdate.westus', 'Storage.WestUS']
//                                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'azuredeviceupdate.westus' is a regional form
          access: 'Allow'
          priority: 130
          direction: 'Outbound'
        }
      }
    ]
  }
}

// A rule as a child resource of the group, with parent:.
resource fromUpdateAgents 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = {
  parent: nsg
  name: 'AllowFromUpdateAgents'
  properties: {
    protocol: '*'
    sourcePortRange: '*'
    destinationPortRange: '*'
    sourceAddressPrefixes: [
      'AzureDeviceUpdate.SouthEastAsia'
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.SouthEastAsia'
      '10.1.0.0/16'
    ]
    destinationAddressPrefix: '*'
    access: 'Allow'
    priority: 140
    direction: 'Inbound'
  }
}
