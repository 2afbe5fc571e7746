param location string = resourceGroup().location

var eventHubsDataSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
var serviceBusDataSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'contoso-hub-id'
  location: location
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: location
  sku: { name: 'Standard' }
}

resource telemetry 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: events
  name: 'telemetry'
}

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'contoso-bus'
  location: location
  sku: { name: 'Standard' }

  resource commands 'queues' = {
    name: 'commands'
  }

  resource alerts 'queues' = {
    name: 'alerts'
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${hubIdentity.id}': {}
    }
  }
  properties: {
    routing: {
      endpoints: {
        eventHubs: [
          // The user-assigned identity has the sender role on the event hub it writes to: enough.
          {
            name: 'telemetry'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: hubIdentity.id }
            endpointUri: events.properties.serviceBusEndpoint
            entityPath: telemetry.name
          }
          // The system-assigned identity has nothing on the namespace.
          {
            name: 'telemetry-system'
            authenticationType: 'identityBased'
            endpointUri: events.properties.serviceBusEndpoint
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: Routing endpoint 'telemetry-system' (eventHubs) of hub 'contoso-hub' sends to Event Hubs namespace 'contoso-events' with a managed identity, but nothing here gives that identity Azure Event Hubs Data Sender on it
            entityPath: telemetry.name
          }
        ]
        serviceBusQueues: [
          // The sender role on the queue it writes to: enough.
          {
            name: 'commands'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${bus.name}.servicebus.windows.net'
            entityPath: 'commands'
          }
          // The sender role is on another queue.
          {
            name: 'alerts'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${bus.name}.servicebus.windows.net'
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: sends to Service Bus namespace 'contoso-bus' with a managed identity, but nothing here gives that identity Azure Service Bus Data Sender on it
            entityPath: 'alerts'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'telemetry', 'telemetry-system', 'commands', 'alerts' ], isEnabled: true }
      ]
    }
  }
}

resource telemetrySender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(telemetry.id, hubIdentity.id, eventHubsDataSender)
  scope: telemetry
  properties: {
    roleDefinitionId: eventHubsDataSender
    principalId: hubIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource commandsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus::commands.id, hub.id, serviceBusDataSender)
  scope: bus::commands
  properties: {
    roleDefinitionId: serviceBusDataSender
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
