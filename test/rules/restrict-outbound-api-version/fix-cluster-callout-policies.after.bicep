// Callout policies on a cluster of 2023-08-15: the fix sets 2024-04-13.
resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net', outboundAccess: 'Allow' }
    ]
  }
}
