// The namespace is deployed elsewhere, but this file declares its network rule set: that firewall is this deployment's.
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
  properties: {
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'stream'
            connectionString: 'Endpoint=sb://contoso-events.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${sharedKey};EntityPath=telemetry'
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint
          }
        ]
      }
      routes: [
        { name: 'stream', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'stream' ], isEnabled: true }
      ]
    }
  }
}

@secure()
param sharedKey string
