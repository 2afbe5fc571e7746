// Deployed by two parameters files: development leaves egress open, production restricts it without an allow list.
param restrictEgress bool = false

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
//                                 ^^^^^^^^^^^^^^ iothub-egress-allowlist-empty
  }
}
