// A one-line list: the duplicate goes with its comma.
resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [ 'contosolake.dfs.core.windows.net', 'contosohelp.kusto.windows.net' ]
  }
}
