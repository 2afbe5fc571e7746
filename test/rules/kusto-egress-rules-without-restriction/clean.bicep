param location string = resourceGroup().location
@allowed(['Enabled', 'Disabled'])
param restrictOutbound string
param allowedFqdns array
param deployLegacy bool = false

// Restricted, as the list needs.
resource restricted 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}

// Unknown restriction: it may well be Enabled.
resource unknownRestriction 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosounknownadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutbound
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}

// No list, an empty list, an unknown list.
resource noList 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoopenadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: { restrictOutboundNetworkAccess: 'Disabled' }
}

resource emptyList 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoemptyadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Disabled'
    allowedFqdnList: []
  }
}

resource unknownList 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosolistadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Disabled'
    allowedFqdnList: allowedFqdns
  }
}

// Properties spread from an unknown object may hold the restriction.
param extraProperties object
resource spread 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosospreadadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
    ...extraProperties
  }
}

// Not deployed: its condition is known to be false.
resource legacy 'Microsoft.Kusto/clusters@2024-04-13' = if (deployLegacy) {
  name: 'contosolegacyadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: { allowedFqdnList: ['contosoingest.blob.core.windows.net'] }
}

// Deployed elsewhere.
resource existingCluster 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: 'contosoexistingadx'
}
