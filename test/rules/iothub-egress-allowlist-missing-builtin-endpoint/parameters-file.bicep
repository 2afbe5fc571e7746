// The list and the restriction come from the .bicepparam file, the restriction through an object parameter.
param hubName string
param egress object
param allowedFqdns array

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: egress.restrict
    allowedFqdnList: allowedFqdns
//                   ^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'adatum-hub' restricts outbound access
  }
}
