// @finding 2
// @fix 2
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [
      'contosoingest.blob.core.windows.net'
      'contoso-sql.database.windows.net'
    ]
    enableStreamingIngest: true
  }
}
