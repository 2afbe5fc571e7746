param location string = resourceGroup().location
param clusterName string = 'contosoadx'
param allowedFqdns array = [
  'contosoingest.blob.core.windows.net'
]
param sqlServerName string = 'contoso-sql'

var calloutPolicies = [
  {
    calloutType: 'sql'
    calloutUriRegex: '${sqlServerName}\\.database\\.windows\\.net/?$'
    outboundAccess: 'Allow'
  }
]

// The allow list was kept when the callout policies were added; both over several lines: the findings sit on the keys.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [
//  ^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies [error]: Cluster 'contosoadx' sets both allowedFqdnList and calloutPolicies: configuring both results in an error. Keep one.
      'contosoingest.blob.core.windows.net'
      '${sqlServerName}.database.windows.net'
    ]
    calloutPolicies: [
//  ^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies [error]: Cluster 'contosoadx' sets both calloutPolicies and allowedFqdnList: configuring both results in an error. Keep one.
      {
        calloutType: 'sql'
        calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$'
        outboundAccess: 'Allow'
      }
    ]
  }
}

// Both from a parameter's default and a variable, on one line each: the findings sit on the values.
resource drCluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: '${clusterName}dr'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: allowedFqdns
//                   ^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadxdr' sets both allowedFqdnList
    calloutPolicies: calloutPolicies
//                   ^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadxdr' sets both calloutPolicies
  }
}

// Lists built with concat() and union(), and callout policies from a loop over a known list.
var lakes = [
  'contosolake'
  'contosoarchive'
]

resource lakeCluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: '${clusterName}lake'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: concat(allowedFqdns, ['contosodr.blob.core.windows.net'])
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadxlake' sets both allowedFqdnList
    calloutPolicies: [for lake in lakes: {
//  ^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadxlake' sets both calloutPolicies
      calloutType: 'external_data'
      calloutUriRegex: '${lake}\\.dfs\\.core\\.windows\\.net/?$'
      outboundAccess: 'Allow'
    }]
  }
}

resource opsCluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: '${clusterName}ops'
  location: location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: union(allowedFqdns, [])
//                   ^^^^^^^^^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadxops' sets both allowedFqdnList
    calloutPolicies: union(calloutPolicies, [{ calloutType: 'kusto', calloutUriRegex: '${clusterName}\\.westeurope\\.kusto\\.windows\\.net', outboundAccess: 'Allow' }])
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-allowlist-and-callout-policies: Cluster 'contosoadxops' sets both calloutPolicies
  }
}
