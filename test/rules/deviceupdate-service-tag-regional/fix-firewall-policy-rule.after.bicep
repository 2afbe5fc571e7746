resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'hub-policy'
  location: 'westus'
  properties: { sku: { tier: 'Standard' } }

  resource group 'ruleCollectionGroups' = {
    name: 'DeviceUpdate'
    properties: {
      priority: 300
      ruleCollections: [
        {
          ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
          name: 'adu'
          priority: 310
          action: { type: 'Allow' }
          rules: [
            { ruleType: 'NetworkRule', name: 'to-adu', ipProtocols: ['TCP'], sourceAddresses: ['10.1.0.0/16'], destinationAddresses: ['AzureDeviceUpdate', 'AzureIoTHub.EastUS2'], destinationPorts: ['443'] }
          ]
        }
      ]
    }
  }
}
