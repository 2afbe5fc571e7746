resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'devices-nsg'
  location: 'westus'
  properties: {
    securityRules: [
      {
        name: 'AllowDeviceUpdateOutbound'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'VirtualNetwork'
          destinationAddressPrefix: 'AzureDeviceUpdate.WestUS'
          access: 'Allow'
          priority: 100
          direction: 'Outbound'
        }
      }
    ]
  }
}
