param location string = resourceGroup().location
param webhookType string = 'webhook'
param sqlAccess string = 'allow'

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      // An unknown callout type, and one from a parameter's default.
      {
        calloutType: 'sql_server'
//                   ^^^^^^^^^^^^ kusto-callout-policy-invalid [error]: Callout policy 1 of cluster 'contosoadx' has calloutType 'sql_server', which the service does not know (known: azure_digital_twins, azure_openai, cosmosdb, external_data, genevametrics, kusto, mysql, postgresql, sandbox_artifacts, sql, webapi)
        calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$'
        outboundAccess: 'Allow'
      }
      { calloutType: webhookType, calloutUriRegex: 'hooks\\.contoso\\.com', outboundAccess: 'Allow' }
//                   ^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 2 of cluster 'contosoadx' has calloutType 'webhook'
      // outboundAccess in the wrong case, from a parameter's default, and a word the service does not know.
      { calloutType: 'cosmosdb', calloutUriRegex: 'contoso-cosmos\\.documents\\.azure\\.com', outboundAccess: 'ALLOW' }
//                                                                                                            ^^^^^^^ kusto-callout-policy-invalid [error]: Callout policy 3 of cluster 'contosoadx' has outboundAccess 'ALLOW': it must be 'Allow' or 'Deny'.
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql3\\.database\\.windows\\.net', outboundAccess: sqlAccess }
//                                                                                                      ^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 4 of cluster 'contosoadx' has outboundAccess 'allow'
      { calloutType: 'webapi', calloutUriRegex: 'api\\.contoso\\.com', outboundAccess: 'Block' }
//                                                                                     ^^^^^^^ kusto-callout-policy-invalid: Callout policy 5 of cluster 'contosoadx' has outboundAccess 'Block'
      // No pattern: the policy is reported where it starts.
      { calloutType: 'external_data', outboundAccess: 'Deny' }
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 6 of cluster 'contosoadx' has no calloutUriRegex
      {
//    ^ kusto-callout-policy-invalid: Callout policy 7 of cluster 'contosoadx' has no calloutUriRegex
        calloutType: 'kusto'
        outboundAccess: 'Allow'
      }
      // Patterns that are no regular expression: an open group, an FQDN wildcard, a number.
      { calloutType: 'webapi', calloutUriRegex: '(api\\.contoso\\.com', outboundAccess: 'Allow' }
//                                              ^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 8 of cluster 'contosoadx' has calloutUriRegex '(api\.contoso\.com', which is not a valid regular expression.
      { calloutType: 'external_data', calloutUriRegex: '*.blob.core.windows.net', outboundAccess: 'Allow' }
//                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 9 of cluster 'contosoadx' has calloutUriRegex '*.blob.core.windows.net'
      { calloutType: 'kusto', calloutUriRegex: 443, outboundAccess: 'Allow' }
//                                             ^^^ kusto-callout-policy-invalid: Callout policy 10 of cluster 'contosoadx' has calloutUriRegex 'number'
    ]
  }
}
