param aduServiceTag string = 'AzureDeviceUpdate'
param firewallSources array = []

// The default is the whole tag; the parameters file gives a regional one.
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' existing = {
  name: 'devices-nsg'
}

resource outbound 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = {
  parent: nsg
  name: 'AllowDeviceUpdateOutbound'
  properties: {
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: '443'
    sourceAddressPrefix: 'VirtualNetwork'
    destinationAddressPrefix: aduServiceTag
//                            ^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.JapanEast'
    access: 'Allow'
    priority: 100
    direction: 'Outbound'
  }
}

// A list given whole by the parameters file: its items are reported there.
resource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  name: 'hub-policy/DeviceUpdate'
  properties: {
    priority: 300
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'adu-inbound'
        priority: 310
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'from-adu'
            ipProtocols: ['TCP']
            sourceAddresses: firewallSources
            destinationAddresses: ['10.1.0.0/16']
            destinationPorts: ['443']
          }
        ]
      }
    ]
  }
}
