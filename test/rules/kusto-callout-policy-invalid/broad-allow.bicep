param location string = resourceGroup().location
param anyUri string = '.*'

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      // Patterns that match any URI, allowed: the restriction is defeated.
      { calloutType: 'kusto', calloutUriRegex: '*', outboundAccess: 'Allow' }
//                                             ^^^ kusto-callout-policy-invalid [warning]: Callout policy 1 of cluster 'contosoadx' allows '*', which matches any URI: it defeats the outbound restriction.
      { calloutType: 'sql', calloutUriRegex: anyUri, outboundAccess: 'Allow' }
//                                           ^^^^^^ kusto-callout-policy-invalid [warning]: Callout policy 2 of cluster 'contosoadx' allows '.*'
      // A multi-line string holds the pattern without escapes.
      { calloutType: 'cosmosdb', calloutUriRegex: '''^.*$''', outboundAccess: 'Allow' }
//                                                ^^^^^^^^^^ kusto-callout-policy-invalid [warning]: Callout policy 3 of cluster 'contosoadx' allows '^.*$'
      { calloutType: 'webapi', calloutUriRegex: 'https://.*', outboundAccess: 'Allow' }
//                                              ^^^^^^^^^^^^ kusto-callout-policy-invalid [warning]: Callout policy 4 of cluster 'contosoadx' allows 'https://.*'
      // The wrong case of Allow is an error, and the pattern is still too broad.
      { calloutType: 'mysql', calloutUriRegex: '(.*)', outboundAccess: 'allow' }
//                                             ^^^^^^ kusto-callout-policy-invalid [warning]: Callout policy 5 of cluster 'contosoadx' allows '(.*)'
//                                                                     ^^^^^^^ kusto-callout-policy-invalid [error]: Callout policy 5 of cluster 'contosoadx' has outboundAccess 'allow'
      // Denying everything else is the point of a broad Deny.
      { calloutType: 'webapi', calloutUriRegex: '.*', outboundAccess: 'Deny' }
    ]
  }
}
