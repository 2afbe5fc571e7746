param clusterName string
@allowed(['Enabled', 'Disabled'])
param restrictOutboundNetworkAccess string

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: resourceGroup().location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutboundNetworkAccess
//                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosodevadx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}
