param sqlAccess string = 'allow'

// The first value comes from a parameter: no fix there; the literal of the second policy is fixed.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: sqlAccess }
      { calloutType: 'cosmosdb', calloutUriRegex: 'contoso-cosmos\\.documents\\.azure\\.com', outboundAccess: 'Allow' }
    ]
  }
}
