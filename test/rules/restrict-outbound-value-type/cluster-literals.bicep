param location string = resourceGroup().location

var kustoSku = { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }

// Written as IoT Hub takes it.
resource adx1 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx1'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: true
//                                 ^^^^ restrict-outbound-value-type [error]: restrictOutboundNetworkAccess of cluster 'contosoadx1' is true, but Azure Data Explorer takes the string 'Enabled' or 'Disabled'.
  }
}

// The enum spelled in lower case, from a variable.
var outbound = 'enabled'

resource adx2 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx2'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: outbound
//                                 ^^^^^^^^ restrict-outbound-value-type: of cluster 'contosoadx2' is "enabled"
  }
}

// Nothing to suggest.
resource adx3 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx3'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: 'Restricted'
//                                 ^^^^^^^^^^^^ restrict-outbound-value-type: of cluster 'contosoadx3' is "Restricted"
  }
}

// A ternary whose condition is known gives the boolean it chose, reported on that branch.
param isProduction bool = true

resource adx4 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'contosoadx4'
  location: location
  sku: kustoSku
  properties: {
    restrictOutboundNetworkAccess: isProduction ? true : false
//                                                ^^^^ restrict-outbound-value-type: of cluster 'contosoadx4' is true
  }
}
