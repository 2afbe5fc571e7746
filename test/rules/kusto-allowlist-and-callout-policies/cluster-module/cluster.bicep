param clusterName string
param location string
param allowedFqdns array = []
param calloutPolicies array = []

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: allowedFqdns
//                   ^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadx' sets both allowedFqdnList and calloutPolicies
    calloutPolicies: calloutPolicies
//                   ^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadx' sets both calloutPolicies and allowedFqdnList
  }
}
