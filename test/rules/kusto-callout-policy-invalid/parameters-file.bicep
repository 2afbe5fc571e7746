param clusterName string = 'contosoadx'
param apiAccess string = 'Allow'
param extraPolicies array = []

// The defaults are fine; the parameters file gives a lower-case access and a policy without a pattern.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: concat([
      { calloutType: 'webapi', calloutUriRegex: 'api\\.contoso\\.com/v1/.*', outboundAccess: apiAccess }
//                                                                                           ^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 1 of cluster 'contosoadx' has outboundAccess 'deny'
    ], extraPolicies)
  }
}
