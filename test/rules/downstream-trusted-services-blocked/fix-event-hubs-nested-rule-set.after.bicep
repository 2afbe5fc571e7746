resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: 'westeurope'
  sku: { name: 'Standard', tier: 'Standard' }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: {
      defaultAction: 'Deny'
      publicNetworkAccess: 'Enabled'
      trustedServiceAccessEnabled: true
    }
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
          { name: 'alerts', authenticationType: 'identityBased', endpointUri: 'sb://${events.name}.servicebus.windows.net', entityPath: 'alerts' }
        ]
      }
      routes: [
        { name: 'alerts', source: 'DeviceMessages', condition: 'true', endpointNames: ['alerts'], isEnabled: true }
      ]
    }
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(events.id, hub.id, 'sender')
  scope: events
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
    principalId: hub.identity.principalId
  }
}
