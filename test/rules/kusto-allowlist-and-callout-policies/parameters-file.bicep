param clusterName string = 'contosoadx'
param allowedFqdns array = []
param calloutPolicies array = [
  { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }
]

// The defaults set callout policies only; the parameters file adds an allow list.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: allowedFqdns
//                   ^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadx' sets both allowedFqdnList
    calloutPolicies: calloutPolicies
//                   ^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadx' sets both calloutPolicies
  }
}
