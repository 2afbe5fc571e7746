param location string = 'westeurope'
param eventHubNamespaceName string = 'contoso-events'

// The rule set nested in the Event Hubs namespace, without the trusted-services switch.
resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: eventHubNamespaceName
  location: location
  sku: { name: 'Standard', tier: 'Standard' }

  resource alerts 'eventhubs' = {
    name: 'alerts'
    properties: { partitionCount: 2 }
  }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: {
      publicNetworkAccess: 'Enabled'
      defaultAction: 'Deny'
//                   ^^^^^^ downstream-trusted-services-blocked: Event Hubs namespace 'contoso-events' denies public traffic and does not let trusted Microsoft services through: routing endpoint 'alerts' (eventHubs) of hub 'contoso-hub' cannot deliver to it.
      ipRules: [
        { ipMask: '203.0.113.0/24', action: 'Allow' }
      ]
    }
  }
}

// The rule set of the Service Bus namespace with parent:, the switch turned off.
resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'contoso-bus'
  location: location
  sku: { name: 'Premium', tier: 'Premium', capacity: 1 }
}

resource busFirewall 'Microsoft.ServiceBus/namespaces/networkRuleSets@2022-10-01-preview' = {
  parent: bus
  name: 'default'
  properties: {
    publicNetworkAccess: 'Enabled'
    defaultAction: 'Deny'
    trustedServiceAccessEnabled: false
//                               ^^^^^ downstream-trusted-services-blocked: Service Bus namespace 'contoso-bus' denies public traffic and does not let trusted Microsoft services through: routing endpoint 'commands' (serviceBusQueues) of hub 'contoso-hub' (and 1 more endpoint) cannot deliver to it.
    virtualNetworkRules: []
    ipRules: []
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        eventHubs: [
          {
            name: 'alerts'
            authenticationType: 'identityBased'
            endpointUri: events.properties.serviceBusEndpoint
            entityPath: events::alerts.name
          }
        ]
        serviceBusQueues: [
          {
            name: 'commands'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${bus.name}.servicebus.windows.net'
            entityPath: 'commands'
          }
        ]
        serviceBusTopics: [
          {
            name: 'notifications'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${bus.name}.servicebus.windows.net'
            entityPath: 'notifications'
          }
        ]
      }
      routes: [
        { name: 'alerts', source: 'DeviceMessages', condition: '$body.level = \'alert\'', endpointNames: ['alerts'], isEnabled: true }
        { name: 'commands', source: 'DeviceMessages', condition: 'true', endpointNames: ['commands', 'notifications'], isEnabled: true }
      ]
    }
  }
}

resource eventsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(events.id, hub.id, 'event-hubs-sender')
  scope: events
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource busSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, hub.id, 'service-bus-sender')
  scope: bus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
