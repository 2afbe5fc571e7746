// Cluster entries from a .bicepparam file are reported where they are written: there.
param allowedHosts array
param lakeName string = 'contosolake'

resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [
      '${lakeName}.dfs.${environment().suffixes.storage}'
      ...allowedHosts
    ]
  }
}
