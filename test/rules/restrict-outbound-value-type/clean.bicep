param restrictEgress bool
param clusterRestriction string
param isProduction bool = true

// The right types, literal and from parameters.
resource hub1 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-1'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: false
  }
}

resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
  }
}

// null leaves the property unset.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-3'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: null
  }
}

// Converted with expressions: the right type for each.
resource hub4 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-4'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: clusterRestriction == 'Enabled'
  }
}

resource adx1 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'relecloudadx1'
  location: 'westeurope'
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: isProduction ? 'Enabled' : 'Disabled'
  }
}

resource adx2 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'relecloudadx2'
  location: 'westeurope'
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress ? 'Enabled' : 'Disabled'
  }
}

resource adx3 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'relecloudadx3'
  location: 'westeurope'
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: clusterRestriction
  }
}

// A cluster that is only referred to.
resource shared 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: 'relecloudshared'
}
