// The policies are passed to a cluster module: the findings sit where their values are written.
module adx 'cluster.bicep' = {
  name: 'adx'
  params: {
    clusterName: 'contosoadx'
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }
      { calloutType: 'openai', calloutUriRegex: 'contoso-openai\\.openai\\.azure\\.com', outboundAccess: 'Allow' }
//                   ^^^^^^^^ kusto-callout-policy-invalid: Callout policy 2 of cluster 'contosoadx' has calloutType 'openai'
      { calloutType: 'webapi', calloutUriRegex: '.*', outboundAccess: 'Allow' }
//                                              ^^^^ kusto-callout-policy-invalid [warning]: Callout policy 3 of cluster 'contosoadx' allows '.*'
    ]
  }
}
