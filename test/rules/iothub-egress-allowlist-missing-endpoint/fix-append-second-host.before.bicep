// @finding 2
// Two missing hosts (an Event Hubs rule declared through parent: chains, and a storage account): the fix of the second.
resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'tailwind-events'
  location: 'westeurope'
  sku: { name: 'Standard' }
}

resource telemetry 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: events
  name: 'telemetry'
}

resource rule 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules@2024-01-01' = {
  parent: telemetry
  name: 'iothub'
  properties: { rights: [ 'Send' ] }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'tailwind-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-tailwind-h-1102938-aa01bb23cc.servicebus.windows.net'
    ]
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'telemetry'
            connectionString: rule.listKeys().primaryConnectionString
          }
        ]
        storageContainers: [
          {
            name: 'cold'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=tailwindcold;AccountKey=${uniqueString(resourceGroup().id)}'
            containerName: 'cold'
          }
        ]
      }
      routes: [
        { name: 'Telemetry', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'telemetry', 'cold' ], isEnabled: true }
      ]
    }
  }
}
