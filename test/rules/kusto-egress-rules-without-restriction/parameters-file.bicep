param clusterName string = 'contosoadx'
@allowed(['Enabled', 'Disabled'])
param restrictOutbound string = 'Enabled'
param allowedFqdns array = []

// The defaults restrict; the parameters file turns the restriction off and gives a list.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutbound
//                                 ^^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosoadx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
    allowedFqdnList: allowedFqdns
  }
}
