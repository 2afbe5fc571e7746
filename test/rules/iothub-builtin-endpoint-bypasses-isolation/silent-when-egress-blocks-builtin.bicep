// Public ingress closed, and egress restricted without the built-in endpoint: it receives nothing, which the allow
// list's finding says; this rule, which would say it still receives, is silent.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    restrictOutboundNetworkAccess: true
    allowedFqdnList: ['www.bing.com', 'www.microsoft.com']
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint
  }
}

// The fallback route, on by default, feeds the built-in endpoint, which the list lets through.
resource fleetHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-fleet-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
//                       ^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation: (through the fallback route, which is on)
    restrictOutboundNetworkAccess: true
    allowedFqdnList: ['iothub-ns-contoso-fl-1234567-0a1b2c3d4e.servicebus.windows.net']
  }
}
