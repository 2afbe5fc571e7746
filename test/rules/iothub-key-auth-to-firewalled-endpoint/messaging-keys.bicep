param location string = resourceGroup().location

// An Event Hubs namespace whose network rule set is declared inside it.
resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: location
  sku: { name: 'Standard' }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: {
      defaultAction: 'Deny'
      trustedServiceAccessEnabled: true
      publicNetworkAccess: 'Enabled'
    }
  }

  resource alerts 'eventhubs' = {
    name: 'alerts'

    resource send 'authorizationRules' = {
      name: 'iothub-send'
      properties: { rights: [ 'Send' ] }
    }
  }
}

// A Service Bus namespace whose network rule set is declared with parent:.
resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'contoso-bus'
  location: location
  sku: { name: 'Premium', capacity: 1 }
}

resource busFirewall 'Microsoft.ServiceBus/namespaces/networkRuleSets@2022-10-01-preview' = {
  parent: bus
  name: 'default'
  properties: {
    defaultAction: 'Deny'
    trustedServiceAccessEnabled: true
  }
}

resource busSend 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2022-10-01-preview' = {
  parent: bus
  name: 'iothub-send'
  properties: { rights: [ 'Send' ] }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    routing: {
      endpoints: {
        // The connection string of the event hub's rule, from listKeys().
        eventHubs: [
          {
            name: 'alerts'
            connectionString: events::alerts::send.listKeys().primaryConnectionString
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: Routing endpoint 'alerts' (eventHubs) of hub 'contoso-hub' authenticates with a key to 'contoso-events', which denies public traffic
          }
        ]
        // A namespace-level rule and the topic in entityPath.
        serviceBusTopics: [
          {
            name: 'notifications'
            authenticationType: 'keyBased'
            connectionString: busSend.listKeys().primaryConnectionString
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: Routing endpoint 'notifications' (serviceBusTopics) of hub 'contoso-hub' authenticates with a key to 'contoso-bus'
            entityPath: 'notifications'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'alerts', 'notifications' ], isEnabled: true }
      ]
    }
  }
}
