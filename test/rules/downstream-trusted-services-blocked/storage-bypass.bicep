param location string = 'westeurope'
param hubName string = 'contoso-hub'
param archiveAccountName string = 'contosoarchive'

var blobDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')

// Trusted services turned off with 'None'; two endpoints route to it, one finding.
resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: archiveAccountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
//            ^^^^^^ downstream-trusted-services-blocked [warning]: Storage account 'contosoarchive' denies public traffic and does not let trusted Microsoft services through: routing endpoint 'archive' (storageContainers) of hub 'contoso-hub' (and 1 more endpoint) cannot deliver to it.
      ipRules: [
        { value: '203.0.113.0/24', action: 'Allow' }
      ]
    }
  }
}

// A bypass list without AzureServices, on one line.
resource uploads 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosouploads'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'Logging, Metrics' }
//                                                ^^^^^^^^^^^^^^^^^^ downstream-trusted-services-blocked: Storage account 'contosouploads' denies public traffic and does not let trusted Microsoft services through: file upload of hub 'contoso-hub' cannot deliver to it.
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    storageEndpoints: {
      '$default': {
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${uploads.name};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
        authenticationType: 'identityBased'
      }
    }
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
          {
            name: 'archive-alerts'
            authenticationType: 'identityBased'
            endpointUri: 'https://${archive.name}.blob.${environment().suffixes.storage}/'
            containerName: 'alerts'
            encoding: 'JSON'
          }
        ]
      }
      routes: [
        { name: 'archive', source: 'DeviceMessages', condition: 'true', endpointNames: ['archive'], isEnabled: true }
        { name: 'alerts', source: 'DeviceMessages', condition: '$body.level = \'alert\'', endpointNames: ['archive-alerts'], isEnabled: true }
      ]
    }
  }
}

resource archiveWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive.id, hub.id, blobDataContributor)
  scope: archive
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource uploadsWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(uploads.id, hub.id, blobDataContributor)
  scope: uploads
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
