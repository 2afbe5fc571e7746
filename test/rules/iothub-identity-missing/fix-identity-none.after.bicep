param hubName string = 'northwind-hub'

// identity: None, on one line: the fix sets SystemAssigned in its place.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        serviceBusQueues: [
          {
            name: 'commands'
            authenticationType: 'identityBased'
            endpointUri: 'sb://northwind-bus.servicebus.windows.net'
            entityPath: 'commands'
          }
        ]
      }
      routes: [
        { name: 'Commands', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'commands' ], isEnabled: true }
      ]
    }
  }
}
