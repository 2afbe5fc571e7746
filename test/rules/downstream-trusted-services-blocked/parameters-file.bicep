param namespaceName string = 'contoso-telemetry-ns'
param trustedServiceAccessEnabled bool = true

// The default lets trusted services through; the parameters file turns it off.
resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: 'westeurope'
  sku: { name: 'Standard', tier: 'Standard' }
}

resource firewall 'Microsoft.EventHub/namespaces/networkRuleSets@2024-01-01' = {
  parent: namespace
  name: 'default'
  properties: {
    defaultAction: 'Deny'
    publicNetworkAccess: 'Enabled'
    trustedServiceAccessEnabled: trustedServiceAccessEnabled
//                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^ downstream-trusted-services-blocked: Event Hubs namespace 'contoso-telemetry-ns' denies public traffic
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
          { name: 'telemetry', authenticationType: 'identityBased', endpointUri: 'sb://${namespace.name}.servicebus.windows.net', entityPath: 'telemetry' }
        ]
      }
      routes: [
        { name: 'telemetry', source: 'DeviceMessages', condition: 'true', endpointNames: ['telemetry'], isEnabled: true }
      ]
    }
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace.id, hub.id, 'sender')
  scope: namespace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
    principalId: hub.identity.principalId
  }
}
