// Built-in roles the tool knows, that carry none of the data actions the hub needs: they do not count.
param location string = resourceGroup().location

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: location
  sku: { name: 'Standard' }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: sends to storage account 'contosoarchive'
            containerName: 'telemetry'
          }
        ]
        eventHubs: [
          {
            name: 'stream'
            authenticationType: 'identityBased'
            endpointUri: events.properties.serviceBusEndpoint
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: sends to Event Hubs namespace 'contoso-events'
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive', 'stream' ], isEnabled: true }
      ]
    }
  }
}

// Storage Blob Data Reader reads blobs; it cannot write them.
resource archiveReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive.id, hub.id, 'reader')
  scope: archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: hub.identity.principalId
  }
}

// Azure Event Hubs Data Receiver receives events; it cannot send them.
resource eventsReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(events.id, hub.id, 'receiver')
  scope: events
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde')
    principalId: hub.identity.principalId
  }
}
