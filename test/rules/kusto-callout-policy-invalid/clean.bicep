param location string = resourceGroup().location
param calloutType string
param access string
param pattern string
param policies array
param basePolicy object

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      // Every known type, narrow patterns, Allow and Deny.
      { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }
      { calloutType: 'azure_openai', calloutUriRegex: 'contoso-openai\\.openai\\.azure\\.com', outboundAccess: 'Allow' }
      { calloutType: 'azure_digital_twins', calloutUriRegex: 'contoso-twins\\.api\\.weu\\.digitaltwins\\.azure\\.net', outboundAccess: 'Allow' }
      { calloutType: 'external_data', calloutUriRegex: '''contosolake\.dfs\.core\.windows\.net/.*''', outboundAccess: 'Allow' }
      { calloutType: 'genevametrics', calloutUriRegex: 'metrics\\.contoso\\.com', outboundAccess: 'Allow' }
      { calloutType: 'mysql', calloutUriRegex: 'contoso-mysql\\.mysql\\.database\\.azure\\.com', outboundAccess: 'Allow' }
      { calloutType: 'postgresql', calloutUriRegex: 'contoso-pg\\.postgres\\.database\\.azure\\.com', outboundAccess: 'Allow' }
      { calloutType: 'sandbox_artifacts', calloutUriRegex: 'contosoartifacts\\.blob\\.core\\.windows\\.net/sandbox/.*', outboundAccess: 'Allow' }
      { calloutType: 'KUSTO', calloutUriRegex: 'fabrikamadx\\.westeurope\\.kusto\\.windows\\.net', outboundAccess: 'Allow' }
      // A broad pattern that denies.
      { calloutType: 'webapi', calloutUriRegex: '.*', outboundAccess: 'Deny' }
      { calloutType: 'cosmosdb', calloutUriRegex: '*', outboundAccess: 'Deny' }
      // Values given from outside, or read from a file: unknown.
      { calloutType: calloutType, calloutUriRegex: pattern, outboundAccess: access }
      { calloutType: 'webapi', calloutUriRegex: loadTextContent('webapi-pattern.txt'), outboundAccess: 'Allow' }
      // A policy spread from an unknown object may hold its pattern.
      { ...basePolicy, outboundAccess: 'Allow' }
    ]
  }
}

// Policies from a list that is not known.
resource other 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'fabrikamadx'
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

// A broad pattern in a cluster that is not deployed.
param deployLab bool = false
resource lab 'Microsoft.Kusto/clusters@2024-04-13' = if (deployLab) {
  name: 'contosolabadx'
  location: location
  sku: { name: 'Dev(No SLA)_Standard_E2a_v4', tier: 'Basic', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    calloutPolicies: [
      { calloutType: 'webapi', calloutUriRegex: '.*', outboundAccess: 'Allow' }
    ]
  }
}
