resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' existing = {
  name: 'devices-nsg'
}

// One item of a list, the others kept.
resource fromAgents 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = {
  parent: nsg
  name: 'AllowFromUpdateAgents'
  properties: {
    protocol: '*'
    sourcePortRange: '*'
    destinationPortRange: '*'
    sourceAddressPrefixes: [
      '10.20.0.0/24'
      'AzureDeviceUpdate'
      'AzureIoTHub.WestEurope'
    ]
    destinationAddressPrefix: '*'
    access: 'Allow'
    priority: 140
    direction: 'Inbound'
  }
}
