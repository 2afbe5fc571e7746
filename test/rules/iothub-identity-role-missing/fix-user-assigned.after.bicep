resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'contoso-hub-id'
  location: resourceGroup().location
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: resourceGroup().location
  sku: { name: 'Standard' }
}

// The endpoint uses the hub's user-assigned identity: the fix gives that identity the sender role on the namespace.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
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
        eventHubs: [
          {
            name: 'telemetry'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: hubIdentity.id }
            endpointUri: events.properties.serviceBusEndpoint
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'Telemetry', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'telemetry' ], isEnabled: true }
      ]
    }
  }
}

resource hubAzureEventHubsDataSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(events.id, hubIdentity.id, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975'))
  scope: events
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
    principalId: hubIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
