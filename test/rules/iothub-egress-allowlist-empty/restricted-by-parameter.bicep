// The restriction comes from a parameter default, the list from the .bicepparam file, which leaves it empty.
param restrictEgress bool = true
param allowedFqdns array

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
    allowedFqdnList: allowedFqdns
//                   ^^^^^^^^^^^^ iothub-egress-allowlist-empty [warning]: Hub 'fabrikam-hub' restricts outbound access with an empty allowedFqdnList
  }
}
