param extraHost string
param lakeName string = 'relecloudlake'

resource lake 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: lakeName
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// Bare hosts, written, interpolated, and from a parameter without a default.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-relecloud-7731204-1f0e2d3c4b.servicebus.windows.net'
      '${lake.name}.blob.${environment().suffixes.storage}'
      'relecloud-events.servicebus.windows.net'
      extraHost
      // The host part of an endpoint, cut out of the URL.
      split(lake.properties.primaryEndpoints.dfs, '/')[2]
    ]
  }
}

// The same host in two lists is no duplicate.
resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'relecloudadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: [ '${lake.name}.blob.${environment().suffixes.storage}', 'relecloudhelp.kusto.windows.net' ]
  }
}
