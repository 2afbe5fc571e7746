param location string = resourceGroup().location
param allowedFqdns array
param calloutPolicies array
param deployDr bool = false

// Only an allow list.
resource ingest 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoingestadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [
      'contosoingest.blob.core.windows.net'
    ]
  }
}

// Only callout policies, and an empty allow list beside them.
resource callouts 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosocalloutadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: []
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }
    ]
  }
}

// Lists given from outside: unknown.
resource unknownLists 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosounknownadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: allowedFqdns
    calloutPolicies: calloutPolicies
  }
}

// One list is null: it is not set.
resource nullList 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosonulladx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: null
    calloutPolicies: [
      { calloutType: 'kusto', calloutUriRegex: 'contosoadx\\.westeurope\\.kusto\\.windows\\.net', outboundAccess: 'Allow' }
    ]
  }
}

// Both set, but on a cluster whose condition is known to be false: not deployed.
resource dr 'Microsoft.Kusto/clusters@2024-04-13' = if (deployDr) {
  name: 'contosodradx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: ['contosodr.blob.core.windows.net']
    calloutPolicies: [
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }
    ]
  }
}

// A list from a loop inside the value over an empty list is empty.
var noServers = []
resource looped 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoloopadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
    calloutPolicies: [for server in noServers: { calloutType: 'sql', calloutUriRegex: '${server}\\.database\\.windows\\.net', outboundAccess: 'Allow' }]
  }
}

// Both set, each finding suppressed where it would be: Bicep's own directive and the tool's comment.
resource suppressed 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contososuppressedadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    #disable-next-line kusto-allowlist-and-callout-policies
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
    // iot-netlint-disable-next-line kusto-allowlist-and-callout-policies
    calloutPolicies: [{ calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }]
  }
}
