param location string = resourceGroup().location
param prefix string = 'contoso'

resource telemetryNs 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${prefix}-telemetry'
  location: location
  sku: { name: 'Standard' }
}

resource commandsNs 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: '${prefix}-commands'
  location: location
  sku: { name: 'Standard' }

  resource commands 'queues' = {
    name: 'commands'

    resource send 'authorizationRules' = {
      name: 'iothubroutes'
      properties: { rights: [ 'Send' ] }
    }
  }
}

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '${prefix}archive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource state 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${prefix}-state'
  location: location
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location } ]
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net'
      // Entries are compared without regard to case.
      'Contoso-Alerts.ServiceBus.Windows.Net'
    ]
    routing: {
      endpoints: {
        // The Event Hubs namespace's endpoint, read from its symbol.
        eventHubs: [
          {
            name: 'telemetry-eh'
            authenticationType: 'identityBased'
            endpointUri: telemetryNs.properties.serviceBusEndpoint
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint [warning]: Routing endpoint 'telemetry-eh' (eventHubs) of hub 'contoso-hub' will fail: 'contoso-telemetry.servicebus.windows.net' is not in allowedFqdnList.
            entityPath: 'telemetry'
          }
        ]
        // The connection string of a queue's rule, from listKeys().
        serviceBusQueues: [
          {
            name: 'commands-queue'
            connectionString: commandsNs::commands::send.listKeys().primaryConnectionString
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: 'contoso-commands.servicebus.windows.net' is not in allowedFqdnList
          }
        ]
        // Listed, in other letter case.
        serviceBusTopics: [
          {
            name: 'alerts-topic'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${prefix}-alerts.servicebus.windows.net'
            entityPath: 'alerts'
          }
        ]
        // A storage connection string built from the account's name and the cloud's suffix.
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archive.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: (storageContainers) of hub 'contoso-hub' will fail: 'contosoarchive.blob.core.windows.net'
            containerName: 'telemetry'
            encoding: 'JSON'
          }
        ]
        cosmosDBSqlContainers: [
          {
            name: 'device-state'
            authenticationType: 'identityBased'
            endpointUri: state.properties.documentEndpoint
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: 'contoso-state.documents.azure.com' is not in allowedFqdnList
            databaseName: 'iot'
            containerName: 'state'
          }
        ]
      }
      routes: [
        { name: 'Telemetry', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'telemetry-eh' ], isEnabled: true }
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive' ], isEnabled: true }
        { name: 'State', source: 'TwinChangeEvents', condition: 'true', endpointNames: [ 'device-state' ], isEnabled: true }
        { name: 'Alerts', source: 'DeviceMessages', condition: '$body.level = \'alert\'', endpointNames: [ 'alerts-topic' ], isEnabled: true }
        { name: 'Commands', source: 'DeviceMessages', condition: '$body.kind = \'command\'', endpointNames: [ 'commands-queue' ], isEnabled: true }
      ]
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: true }
    }
  }
}

resource telemetrySender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(telemetryNs.id, hub.id, 'sender')
  scope: telemetryNs
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2b629674-e913-4c01-ae53-ef4638d8f975')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
