param hubName string = 'contoso-hub'
param storageAccountName string = 'contosoarchive'

var contributorRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {}
}

// Contributor, by a variable, on the storage account by its symbol.
resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hub.id, contributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: contributorRoleId
//                    ^^^^^^^^^^^^^^^^^ iothub-identity-broad-role [warning]: The identity of hub 'contoso-hub' is given Contributor, a management role that grants no data access: to deliver to storage it needs Storage Blob Data Contributor.
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Account Contributor, by its GUID alone, on the blob service of the account.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' existing = {
  parent: storage
  name: 'default'
}

resource accountContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hub.id, 'sac')
  scope: blobService
  properties: {
    roleDefinitionId: '17d1049b-9a84-46fb-8f53-869881c3d3ab'
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-broad-role: is given Storage Account Contributor
    principalId: hub.identity.principalId
  }
}

// Owner, through a module-less existing hub reference with an interpolated role id.
resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hub.id, 'owner')
  scope: storage
  properties: {
    roleDefinitionId: '${subscription().id}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-broad-role: is given Owner
    principalId: hub.identity.principalId
  }
}
