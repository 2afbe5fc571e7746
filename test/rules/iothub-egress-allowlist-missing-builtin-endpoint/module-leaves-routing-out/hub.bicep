// The shape of the registry's IoT hub module: every setting a nullable parameter passed on as it is. On its own,
// deployed with its defaults, it restricts egress with no allow list at all.
param name string
param allowedFqdnList array?
param restrictOutboundNetworkAccess bool = true
param routing object?
param storageEndpoints object?

resource iotHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: name
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 2 }
  properties: {
    allowedFqdnList: allowedFqdnList
//                   ^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'contosodihmax001' restricts outbound access
    restrictOutboundNetworkAccess: restrictOutboundNetworkAccess
//                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-empty: restricts outbound access but has no allowedFqdnList
    routing: routing
    storageEndpoints: storageEndpoints
  }
}
