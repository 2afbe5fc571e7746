// Optional settings read with the safe-dereference operator: the setting is not given, so the default after ?? applies.
param egressSettings object = {
  allowedHosts: []
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: egressSettings.?restrict ?? true
//                                                             ^^^^ iothub-egress-allowlist-empty: Hub 'contoso-hub' restricts outbound access but has no allowedFqdnList
  }
}
