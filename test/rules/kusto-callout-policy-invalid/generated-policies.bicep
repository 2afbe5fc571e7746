param location string = resourceGroup().location

var policies = [
  { type: 'sql', regex: 'contoso-sql\\.database\\.windows\\.net/?$', access: 'Allow' }
  { type: 'sql', regex: 'fabrikam-sql\\.database\\.windows\\.net(/?$', access: 'Allow' }
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 2 of cluster 'contosoadx' has calloutUriRegex 'fabrikam-sql\.database\.windows\.net(/?$'
  { type: 'external_data', regex: '.+', access: 'Allow' }
//                                ^^^^ kusto-callout-policy-invalid [warning]: Callout policy 3 of cluster 'contosoadx' allows '.+'
  { type: 'storage', regex: 'contosolake\\.dfs\\.core\\.windows\\.net', access: 'Allow' }
//        ^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 4 of cluster 'contosoadx' has calloutType 'storage'
]

// Policies generated from a list: each finding where the value is written.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [for p in policies: {
      calloutType: p.type
      calloutUriRegex: p.regex
      outboundAccess: p.access
    }]
  }
}

// Patterns written as multi-line strings, where a backslash is itself.
resource lake 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosolakeadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      {
        calloutType: 'external_data'
        calloutUriRegex: '''contosolake\.dfs\.core\.windows\.net/.*'''
        outboundAccess: 'Allow'
      }
      {
        calloutType: 'external_data'
        calloutUriRegex: '''[a-z0-9-\.dfs\.core\.windows\.net'''
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 2 of cluster 'contosolakeadx' has calloutUriRegex '[a-z0-9-\.dfs\.core\.windows\.net'
        outboundAccess: 'Allow'
      }
    ]
  }
}
