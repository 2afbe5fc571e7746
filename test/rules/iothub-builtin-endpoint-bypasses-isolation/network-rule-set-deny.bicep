// The network rule set denies every address but does not apply to the built-in endpoint.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'northwind-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    networkRuleSets: {
      defaultAction: 'Deny'
//                   ^^^^^^ iothub-builtin-endpoint-bypasses-isolation: Hub 'northwind-hub' closes public ingress (the network rule set denies every address)
      applyToBuiltInEventHubEndpoint: false
      ipRules: []
    }
  }
}
