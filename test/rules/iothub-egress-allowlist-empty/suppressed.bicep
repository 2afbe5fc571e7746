// Findings suppressed with Bicep's own directive and with the tool's comment: nothing is reported.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-lab-hub'
  location: 'westeurope'
  sku: { name: 'F1', capacity: 1 }
  properties: {
    #disable-next-line iothub-egress-allowlist-empty
    restrictOutboundNetworkAccess: true
  }
}

resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-lab-hub-2'
  location: 'westeurope'
  sku: { name: 'F1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    // iot-netlint-disable-next-line iothub-egress-allowlist-empty
    allowedFqdnList: []
  }
}
