// Comments at the ends of the lines stay where they are.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    allowedFqdnList: ['contosoingest.blob.core.windows.net'] // ingestion only
    enableStreamingIngest: true // for the devices
    restrictOutboundNetworkAccess: 'Enabled'
  }
}
