// Deployed by main.bicep, which passes the values: on its own, this file's values are unknown.
param hubName string
param allowedFqdns array

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: allowedFqdns
//                   ^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'woodgrove-hub' restricts outbound access
  }
}
