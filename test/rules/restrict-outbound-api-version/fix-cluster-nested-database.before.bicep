// @fix 2
// A cluster with a nested database: the newest version goes into the cluster's type only.
resource adx 'Microsoft.Kusto/clusters@2021-01-01' = {
  name: 'contosoadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [ 'contosodata.blob.core.windows.net' ]
  }

  resource telemetry 'databases@2021-01-01' = {
    name: 'telemetry'
    location: resourceGroup().location
    kind: 'ReadWrite'
  }
}
