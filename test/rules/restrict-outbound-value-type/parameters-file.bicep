// One parameter for both services, set in the .bicepparam file: the string reaches the hub as it is.
param restrictOutbound string

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutbound
//                                 ^^^^^^^^^^^^^^^^ restrict-outbound-value-type: restrictOutboundNetworkAccess of hub 'fabrikam-hub' is "Enabled"
  }
}

resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'fabrikamadx'
  location: resourceGroup().location
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: restrictOutbound
  }
}
