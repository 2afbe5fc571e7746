param location string = resourceGroup().location
param subnetId string

// Public access is off and a private endpoint serves the hub, but the fallback route still feeds the built-in endpoint.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
//                       ^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation [warning]: Hub 'contoso-hub' closes public ingress (publicNetworkAccess is Disabled), but its built-in Event Hub-compatible endpoint still receives device messages
  }
}

resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: '${hub.name}-pe'
  location: location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: '${hub.name}-pe'
        properties: {
          privateLinkServiceId: hub.id
          groupIds: [ 'iotHub' ]
        }
      }
    ]
  }
}

// The setting is read from a member of a variable (reported where it is written), and a route sends alerts to 'events' while the fallback route is off.
var isolation = {
  publicNetworkAccess: 'Disabled'
//                     ^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation: Hub 'contoso-alerts-hub' closes public ingress (publicNetworkAccess is Disabled)
}

resource alertsHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-alerts-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: isolation.publicNetworkAccess
    routing: {
      routes: [
        { name: 'Alerts', source: 'DeviceMessages', condition: '$body.level = \'alert\'', endpointNames: [ 'events' ], isEnabled: true }
      ]
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
    }
  }
}

// Hubs made by a loop, each closed: reported once.
resource regionalHubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in [ 'westeurope', 'northeurope' ]: {
  name: 'contoso-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
//                       ^^^^^^^^^^ iothub-builtin-endpoint-bypasses-isolation: closes public ingress (publicNetworkAccess is Disabled)
  }
}]
