param location string = resourceGroup().location

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }
}

resource database 'Microsoft.Kusto/clusters/databases@2024-04-13' = {
  parent: cluster
  name: 'telemetry'
  location: location
  kind: 'ReadWrite'
}

// The scripts of the database come from a module, given the names and the KQL.
module scripts 'database-scripts.bicep' = {
  name: 'telemetry-scripts'
  params: {
    clusterName: cluster.name
    databaseName: database.name
    kql: '.alter cluster policy callout @\'[]\''
  }
}
