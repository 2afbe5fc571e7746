param location string = resourceGroup().location

var kustoSku = { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }

resource adx1 'Microsoft.Kusto/clusters@2021-01-01' = {
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ restrict-outbound-api-version: API version 2021-01-01 of 'contosoadx1' does not know restrictOutboundNetworkAccess and allowedFqdnList, which needs 2021-08-27
  name: 'contosoadx1'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [ 'contosodata.blob.${environment().suffixes.storage}' ]
  }
}

// Callout policies need 2024-04-13; the restriction itself is known to 2023-08-15.
resource adx2 'Microsoft.Kusto/clusters@2023-08-15' = {
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ restrict-outbound-api-version: does not know calloutPolicies, which needs 2024-04-13
  name: 'contosoadx2'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net', outboundAccess: 'Allow' }
    ]
  }
}

// Both, with the policies made by a loop: the newer requirement wins.
var sqlServers = [ 'contoso-sql', 'contoso-reporting' ]

resource adx3 'Microsoft.Kusto/clusters@2020-09-18' = {
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ restrict-outbound-api-version: does not know restrictOutboundNetworkAccess and calloutPolicies, which needs 2024-04-13
  name: 'contosoadx3'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [for server in sqlServers: {
      calloutType: 'sql'
      calloutUriRegex: '${server}\\.database\\.windows\\.net'
      outboundAccess: 'Allow'
    }]
  }
}

// Recent enough.
resource adx4 'Microsoft.Kusto/clusters@2021-08-27' = {
  name: 'contosoadx4'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [ 'contosodata.blob.core.windows.net' ]
  }
}

resource adx5 'Microsoft.Kusto/clusters@2025-02-14' = {
  name: 'contosoadx5'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      { calloutType: 'kusto', calloutUriRegex: 'contosohelp\\.kusto\\.windows\\.net', outboundAccess: 'Allow' }
    ]
  }
}
