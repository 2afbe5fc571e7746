param aduServiceTag string = 'AzureDeviceUpdate.EastUS'

// The value of a parameter is not rewritten at its use: the fix goes to the literal of the second rule.
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'devices-nsg'
  location: 'westus'
  properties: {
    securityRules: [
      {
        name: 'AllowDeviceUpdateFromParameter'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: aduServiceTag
          access: 'Allow'
          priority: 100
          direction: 'Outbound'
        }
      }
      {
        name: 'AllowDeviceUpdateInbound'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'AzureDeviceUpdate.WestUS'
          destinationAddressPrefix: 'VirtualNetwork'
          access: 'Allow'
          priority: 110
          direction: 'Inbound'
        }
      }
    ]
  }
}
