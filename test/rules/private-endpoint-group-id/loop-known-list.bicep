param location string = 'westeurope'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {}
}

// One private endpoint per item of a list written in the loop: each is checked with its item's group id, and the
// one the hub does not offer is reported where the list gives it.
resource endpoints 'Microsoft.Network/privateEndpoints@2023-09-01' = [for pe in [ {service: 'iotHub'}, {service: 'notAGroup'} ]: {
//                                                                                                               ^^^^^^^^^^^ private-endpoint-group-id [error]: Private endpoint 'contoso-hub-pe-notAGroup' asks IoT hub 'contoso-hub' for group id 'notAGroup', which it does not offer (iotHub, iotHubService, iotHubDevice): the connection cannot be made.
  name: '${hub.name}-pe-${pe.service}'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      {
        name: '${hub.name}-pe-${pe.service}'
        properties: {
          privateLinkServiceId: hub.id
          groupIds: [pe.service]
        }
      }
    ]
  }
}]

// An item whose condition is false is not deployed: its group id is not checked.
resource optional 'Microsoft.Network/privateEndpoints@2023-09-01' = [for pe in [ {service: 'iotHubDevice', deploy: true}, {service: 'iotHubs', deploy: false} ]: if (pe.deploy) {
  name: '${hub.name}-optional-${pe.service}'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'contoso-vnet', 'private-endpoints') }
    privateLinkServiceConnections: [
      { name: 'optional', properties: { privateLinkServiceId: hub.id, groupIds: [pe.service] } }
    ]
  }
}]
