// The hub's connections come from a module, their statuses passed from here.
module iot 'iothub.bicep' = {
  name: 'iot'
  params: {
    hubName: 'contoso-hub'
    connections: [
      { name: 'plant-network', status: 'Approved' }
      { name: 'partner-network', status: 'Pending' }
//                                       ^^^^^^^^^ private-endpoint-connection-not-approved: Private endpoint connection 'partner-network' of IoT hub 'contoso-hub' is Pending
    ]
  }
}
