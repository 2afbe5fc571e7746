param location string = 'westeurope'
param bypass string
param trustedServiceAccessEnabled bool

// A list that includes AzureServices.
resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Deny', bypass: 'Logging, AzureServices' } }
}

// No bypass: Azure services pass by default.
resource cold 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosocold'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Deny', ipRules: [] } }
}

// A bypass given from outside: unknown.
resource hot 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosohot'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Deny', bypass: bypass } }
}

// Open to all networks.
resource warm 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosowarm'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Allow', bypass: 'None' } }
}

// Firewalled without the exception, but no hub sends to it.
resource logs 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosologs'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Deny', bypass: 'None' } }
}

// Deployed elsewhere: its firewall is not known here.
resource outside 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'contosooutside'
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-events'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: true, publicNetworkAccess: 'Enabled' }
  }
}

resource audit 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'contoso-audit'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: trustedServiceAccessEnabled }
  }
}

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'contoso-bus'
  location: location
  sku: { name: 'Premium', tier: 'Premium', capacity: 1 }
}

resource busFirewall 'Microsoft.ServiceBus/namespaces/networkRuleSets@2022-10-01-preview' = {
  parent: bus
  name: 'default'
  properties: { defaultAction: 'Allow', trustedServiceAccessEnabled: false }
}

// Key-based access never passes as a trusted service: another rule's concern.
resource keyed 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosokeyed'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Allow', bypass: 'None' } }
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
          { name: 'archive', authenticationType: 'identityBased', endpointUri: archive.properties.primaryEndpoints.blob, containerName: 'telemetry' }
          { name: 'cold', authenticationType: 'identityBased', endpointUri: cold.properties.primaryEndpoints.blob, containerName: 'telemetry' }
          { name: 'hot', authenticationType: 'identityBased', endpointUri: 'https://${hot.name}.blob.${environment().suffixes.storage}/', containerName: 'telemetry' }
          { name: 'warm', authenticationType: 'identityBased', endpointUri: 'https://contosowarm.blob.core.windows.net/', containerName: 'telemetry' }
          { name: 'outside', authenticationType: 'identityBased', endpointUri: outside.properties.primaryEndpoints.blob, containerName: 'telemetry' }
          { name: 'keyed', connectionString: 'DefaultEndpointsProtocol=https;AccountName=${keyed.name};AccountKey=${keyed.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}', containerName: 'telemetry' }
        ]
        eventHubs: [
          { name: 'alerts', authenticationType: 'identityBased', endpointUri: events.properties.serviceBusEndpoint, entityPath: 'alerts' }
          { name: 'audit', authenticationType: 'identityBased', endpointUri: 'sb://${audit.name}.servicebus.windows.net', entityPath: 'audit' }
        ]
        serviceBusTopics: [
          { name: 'notifications', authenticationType: 'identityBased', endpointUri: 'sb://${bus.name}.servicebus.windows.net', entityPath: 'notifications' }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: ['archive', 'cold', 'hot', 'warm', 'outside', 'keyed', 'alerts', 'audit', 'notifications'], isEnabled: true }
      ]
    }
  }
}

var roles = {
  blob: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  eventHubs: '2b629674-e913-4c01-ae53-ef4638d8f975'
  serviceBus: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
}

resource grants 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(resourceGroup().id, hub.id, role.key)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]
