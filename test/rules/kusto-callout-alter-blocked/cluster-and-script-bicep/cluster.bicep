param clusterName string
@allowed(['Enabled', 'Disabled'])
param restrictOutboundNetworkAccess string = 'Disabled'

// The parameters file turns the restriction on.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: resourceGroup().location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutboundNetworkAccess
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }
    ]
  }

  resource telemetry 'databases' = {
    name: 'telemetry'
    location: resourceGroup().location
    kind: 'ReadWrite'
  }
}
