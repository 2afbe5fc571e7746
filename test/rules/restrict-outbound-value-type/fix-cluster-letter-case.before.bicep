// @finding 2
// Two clusters with the enum in the wrong letter case: the fix of the second, on a one-line object.
resource adx1 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx1'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: { restrictOutboundNetworkAccess: 'ENABLED' }
}

resource adx2 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx2'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: { restrictOutboundNetworkAccess: 'disabled', enableStreamingIngest: true }
}
