@allowed(['Enabled', 'Disabled'])
param restrictOutbound string = 'Disabled'

// The value comes from a parameter: a fix must not write over the reference (no fix here).
resource byParameter 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoparamadx'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutbound
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}

resource literal 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: 'westeurope'
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Disabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}
