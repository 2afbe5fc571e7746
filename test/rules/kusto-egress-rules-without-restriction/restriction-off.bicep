param location string = resourceGroup().location
@allowed(['dev', 'prod'])
param environmentName string = 'dev'
@allowed(['Enabled', 'Disabled'])
param restrictOutbound string = 'Disabled'

// The restriction is not set: the list restricts nothing.
resource ingest 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoingestadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    enableStreamingIngest: true
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction [warning]: Cluster 'contosoingestadx' sets allowedFqdnList but not restrictOutboundNetworkAccess: outbound access stays unrestricted.
  }
}

// Over several lines: the finding sits on the key.
resource lake 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosolakeadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    allowedFqdnList: [
//  ^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosolakeadx' sets allowedFqdnList but not restrictOutboundNetworkAccess
      'contosolake.dfs.core.windows.net'
      'contoso-sql.database.windows.net'
    ]
  }
}

// Disabled, written literally.
resource sql 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contososqladx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Disabled'
//                                 ^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contososqladx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled': outbound access stays unrestricted.
    allowedFqdnList: ['contoso-sql.database.windows.net']
  }
}

// Disabled by a parameter's default.
resource byParameter 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoparamadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutbound
//                                 ^^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosoparamadx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}

// Enabled in production only: the default environment is dev, the branch taken is reported.
resource byEnvironment 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contoso${environmentName}adx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: environmentName == 'prod' ? 'Enabled' : 'Disabled'
//                                                                         ^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosodevadx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}

// null leaves the property unset.
resource withNull 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosonulladx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: null
    allowedFqdnList: ['contosodata.blob.core.windows.net']
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosonulladx' sets allowedFqdnList but not restrictOutboundNetworkAccess
  }
}
