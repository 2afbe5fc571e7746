// The namespace is deployed elsewhere, but this file declares its network rule set, which keeps trusted services out.
resource events 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: 'contoso-events'
}

resource eventsRules 'Microsoft.EventHub/namespaces/networkRuleSets@2024-01-01' = {
  parent: events
  name: 'default'
  properties: {
    defaultAction: 'Deny'
    trustedServiceAccessEnabled: false
//                               ^^^^^ downstream-trusted-services-blocked
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
