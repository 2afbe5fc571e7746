param location string = resourceGroup().location
param regions array = [
  'westeurope'
  'northeurope'
]

var egress = {
  allowedFqdnList: [
//^^^^^^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contososharedadx' sets allowedFqdnList but not restrictOutboundNetworkAccess
    'contosoingest.blob.core.windows.net'
  ]
}

// Properties from a variable: the finding is where the list is written.
resource shared 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contososharedadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: egress
}

// Properties spread from the variable, with the restriction turned off beside them.
resource spread 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosospreadadx'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    ...egress
    restrictOutboundNetworkAccess: 'Disabled'
//                                 ^^^^^^^^^^ kusto-egress-rules-without-restriction: Cluster 'contosospreadadx' sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
  }
}

// One cluster per region from a loop: one declaration stands for them all.
resource regional 'Microsoft.Kusto/clusters@2024-04-13' = [for region in regions: {
  name: 'contoso${region}adx'
  location: region
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Disabled'
//                                 ^^^^^^^^^^ kusto-egress-rules-without-restriction: sets allowedFqdnList while restrictOutboundNetworkAccess is 'Disabled'
    allowedFqdnList: ['contoso${region}.blob.core.windows.net']
  }
}]
