resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'contoso-bus'
  location: 'westeurope'
  sku: { name: 'Premium', tier: 'Premium', capacity: 1 }
}

resource busFirewall 'Microsoft.ServiceBus/namespaces/networkRuleSets@2022-10-01-preview' = {
  parent: bus
  name: 'default'
  properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: true, ipRules: [] }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        serviceBusQueues: [
          { name: 'commands', authenticationType: 'identityBased', endpointUri: 'sb://${bus.name}.servicebus.windows.net', entityPath: 'commands' }
        ]
      }
      routes: [
        { name: 'commands', source: 'DeviceMessages', condition: 'true', endpointNames: ['commands'], isEnabled: true }
      ]
    }
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, hub.id, 'sender')
  scope: bus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: hub.identity.principalId
  }
}
