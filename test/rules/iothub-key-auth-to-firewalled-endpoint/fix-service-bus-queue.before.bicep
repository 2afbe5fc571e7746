param location string = resourceGroup().location

resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'contoso-hub-id'
  location: location
}

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

// A queue connection string written out with its entity: the fix takes the host and the queue from it, and adds SystemAssigned beside the user-assigned identity.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${hubIdentity.id}': {}
    }
  }
  properties: {
    routing: {
      endpoints: {
        serviceBusQueues: [
          {
            name: 'commands'
            connectionString: 'Endpoint=sb://${bus.name}.servicebus.windows.net/;SharedAccessKeyName=iothub-send;SharedAccessKey=c2VjcmV0LWtleQ==;EntityPath=commands'
          }
        ]
      }
      routes: [
        { name: 'Commands', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'commands' ], isEnabled: true }
      ]
    }
  }
}
