param location string = resourceGroup().location
param uploadAccount string = 'fabrikamuploads'

param eventHubsNamespace string = 'fabrikam-events'

// No identity at all, yet file upload and a routing endpoint use identity-based access.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
//                          ^^^^^^^^^^^^^^^ iothub-identity-missing [error]: File upload of hub 'fabrikam-hub' authenticates with the hub's system-assigned identity, but hub 'fabrikam-hub' has none: delivery fails.
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${uploadAccount};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'telemetry'
            authenticationType: 'identityBased'
//                              ^^^^^^^^^^^^^^^ iothub-identity-missing: Routing endpoint 'telemetry' (eventHubs) of hub 'fabrikam-hub'
            endpointUri: 'sb://${eventHubsNamespace}.servicebus.windows.net'
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'Telemetry', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'telemetry' ], isEnabled: true }
      ]
    }
  }
}

// identity: None in a loop of hubs, with the authentication type from a variable.
var identityBased = 'identityBased'

resource regionalHubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in [ 'eastus', 'westus' ]: {
  name: 'fabrikam-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'None' }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: identityBased
//                          ^^^^^^^^^^^^^ iothub-identity-missing: File upload of hub
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=fabrikam${region};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}]
