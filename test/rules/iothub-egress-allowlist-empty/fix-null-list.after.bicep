param location string = resourceGroup().location

resource eventHubs 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'fabrikam-events'
  location: location
  sku: { name: 'Standard' }

  resource telemetry 'eventhubs' = {
    name: 'telemetry'

    resource send 'authorizationRules' = {
      name: 'iothub-send'
      properties: { rights: [ 'Send' ] }
    }
  }
}

// Restricted with a list written as null, which is no list: the fix lists the host of the Event Hubs namespace, read from the connection string listKeys() returns.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'fabrikam-events.servicebus.windows.net'
    ]
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'telemetry'
            connectionString: eventHubs::telemetry::send.listKeys().primaryConnectionString
          }
        ]
      }
      routes: [
        { name: 'Telemetry', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'telemetry' ], isEnabled: true }
      ]
    }
  }
}
