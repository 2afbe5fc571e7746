param location string = resourceGroup().location

// Optional settings, read with the safe-dereference operator: a setting they do not hold is null.
param settings object = {
  streaming: true
}

// null leaves the restriction unset.
resource ingest 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoingestadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    enableStreamingIngest: settings.?streaming ?? false
    restrictOutboundNetworkAccess: settings.?restrictOutbound
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosoingestadx' sets allowedFqdnList but not restrictOutboundNetworkAccess
  }
}

// The default given with ?? when the setting is missing.
resource lake 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosolakeadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: settings[?'restrictOutbound'] ?? 'Disabled'
//                                                                  ^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosolakeadx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
    allowedFqdnList: ['contosolake.dfs.core.windows.net']
  }
}

// Settings that hold the restriction.
param auditSettings object = {
  restrictOutbound: 'Enabled'
}

resource audit 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoauditadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: auditSettings.?restrictOutbound ?? 'Disabled'
    allowedFqdnList: ['contosoaudit.blob.core.windows.net']
  }
}
