param clusterName string
param calloutPolicies array

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: resourceGroup().location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: calloutPolicies
  }
}
