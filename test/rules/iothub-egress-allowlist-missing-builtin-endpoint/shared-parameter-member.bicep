// One egress setting shared by two hubs through a member of an object parameter: one fix there serves both hubs.
param egress object = {
  restrict: true
  hosts: [ 'contosodata.blob.core.windows.net' ]
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: Hub 'contoso-hub-a'
}

resource hubA 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-a'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: egress.restrict
    allowedFqdnList: egress.hosts
  }
}

resource hubB 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-b'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: egress.restrict
    allowedFqdnList: egress.hosts
  }
}
