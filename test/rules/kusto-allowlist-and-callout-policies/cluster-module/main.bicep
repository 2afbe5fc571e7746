param location string = resourceGroup().location

// The module is given both lists: the findings are in the module, where the cluster uses them.
module adx 'cluster.bicep' = {
  name: 'adx'
  params: {
    clusterName: 'contosoadx'
    location: location
    allowedFqdns: [
      'contosoingest.blob.core.windows.net'
    ]
    calloutPolicies: [
      { calloutType: 'webapi', calloutUriRegex: 'api\\.contoso\\.com/.*', outboundAccess: 'Allow' }
    ]
  }
}

// Given only an allow list: fine.
module adxLake 'cluster.bicep' = {
  name: 'adx-lake'
  params: {
    clusterName: 'contosolakeadx'
    location: location
    allowedFqdns: [
      'contosolake.dfs.core.windows.net'
    ]
  }
}
