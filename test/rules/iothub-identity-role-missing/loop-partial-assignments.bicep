param regions array = [ 'westeurope', 'northeurope' ]

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// A hub per region, each uploading to the account with its own identity.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'contoso-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};EndpointSuffix=${environment().suffixes.storage}'
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: File upload of hub 'contoso-northeurope' sends to storage account 'contosoarchive'
        containerName: region
      }
    }
  }
}]

// The role is given to the first hub only: the second cannot write.
resource writers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for i in range(0, 1): {
  name: guid(archive.id, hubs[i].id, 'blob')
  scope: archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hubs[i].identity.principalId
    principalType: 'ServicePrincipal'
  }
}]
