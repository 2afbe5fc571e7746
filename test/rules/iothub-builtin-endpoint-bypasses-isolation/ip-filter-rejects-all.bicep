// The IP filter rejects every address, one rule on one line.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    ipFilterRules: [ { filterName: 'deny-all', action: 'Reject', ipMask: '0.0.0.0/0' } ]
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation: Hub 'fabrikam-hub' closes public ingress (the IP filter rejects every address)
  }
}

// Rules made by a loop over a known list, every one rejecting: the key is reported, as the list spans lines.
var rejected = [ '0.0.0.0/0', '10.0.0.0/8' ]

resource loopHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    ipFilterRules: [for (mask, i) in rejected: {
//  ^^^^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation: Hub 'fabrikam-hub-2' closes public ingress (the IP filter rejects every address)
      filterName: 'reject-${i}'
      action: 'Reject'
      ipMask: mask
    }]
  }
}
