// A namespace deployed elsewhere (this file declares only its network rule set): its roles are given where it is declared.
resource events 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: 'contoso-events'
}

resource eventsRules 'Microsoft.EventHub/namespaces/networkRuleSets@2024-01-01' = {
  parent: events
  name: 'default'
  properties: {
    defaultAction: 'Deny'
    trustedServiceAccessEnabled: true
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'stream'
            authenticationType: 'identityBased'
            endpointUri: 'sb://contoso-events.servicebus.windows.net'
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'stream', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'stream' ], isEnabled: true }
      ]
    }
  }
}
