// A hub that routes telemetry to a storage account and an Event Hub, with
// egress restricted to an allow list, deployed with main.bicepparam.

@description('Prefix of every resource name.')
param prefix string

@description('Where the resources go.')
param location string = resourceGroup().location

@description('Restrict the hub\'s outbound traffic to allowedFqdnList.')
param restrictEgress bool = true

var hubName = '${prefix}-hub'

resource archive 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}archive'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
    }
  }
}

module telemetry 'modules/event-hubs.bicep' = {
  name: 'telemetry'
  params: {
    namespaceName: '${prefix}-telemetry'
    location: location
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: location
  sku: {
    name: 'S1'
    capacity: 1
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
    allowedFqdnList: [
      '${archive.name}.blob.${environment().suffixes.storage}'
    ]
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
            containerName: 'telemetry'
            encoding: 'JSON'
          }
        ]
        eventHubs: [
          {
            name: 'stream'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${telemetry.outputs.namespaceName}.servicebus.windows.net'
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        {
          name: 'to-archive'
          source: 'DeviceMessages'
          condition: 'true'
          endpointNames: [
            'archive'
          ]
          isEnabled: true
        }
        {
          name: 'to-stream'
          source: 'DeviceMessages'
          condition: 'true'
          endpointNames: [
            'stream'
          ]
          isEnabled: true
        }
      ]
    }
  }
}

// Contributor manages the account; it does not let the hub write blobs.
resource hubArchiveAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive.id, hub.id, 'contributor')
  scope: archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
