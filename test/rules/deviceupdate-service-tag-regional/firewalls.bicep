param location string = 'westus'

// A classic Azure Firewall with a network rule collection.
resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'hub-firewall'
  location: location
  properties: {
    sku: { name: 'AZFW_VNet', tier: 'Standard' }
    networkRuleCollections: [
      {
        name: 'device-update'
        properties: {
          priority: 200
          action: { type: 'Allow' }
          rules: [
            {
              name: 'adu-https'
              protocols: ['TCP']
              sourceAddresses: ['10.1.0.0/16']
              destinationAddresses: ['AzureDeviceUpdate.CentralUS', 'AzureIoTHub.CentralUS']
//                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.CentralUS'
              destinationPorts: ['443']
            }
          ]
        }
      }
    ]
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'hub-policy'
  location: location
  properties: { sku: { tier: 'Standard' }, threatIntelMode: 'Alert' }

  // A rule collection group nested in its policy.
  resource defaultGroup 'ruleCollectionGroups' = {
    name: 'DefaultNetworkRuleCollectionGroup'
    properties: {
      priority: 200
      ruleCollections: [
        {
          ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
          name: 'device-update'
          priority: 210
          action: { type: 'Allow' }
          rules: [
            {
              ruleType: 'NetworkRule'
              name: 'adu-https'
              ipProtocols: ['TCP']
              sourceAddresses: ['10.1.0.0/16']
              destinationAddresses: ['AzureDeviceUpdate.EastUS']
//                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.EastUS'
              destinationPorts: ['443']
            }
          ]
        }
      ]
    }
  }
}

// A rule collection group with parent:, after the first.
resource aduGroup 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'DeviceUpdateRuleCollectionGroup'
  dependsOn: [policy::defaultGroup]
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
            sourceAddresses: ['AzureDeviceUpdate.JapanEast', 'AzureDeviceUpdate']
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.JapanEast'
            destinationAddresses: ['10.1.0.0/16']
            destinationPorts: ['443']
          }
        ]
      }
    ]
  }
}
