// A literal name: a GUID derived from it and the new role. The symbol does not name the role: it stays.
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource archiveAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: '4b3a3f6e-9a55-4c71-8bf6-6f0e2d1c9a10'
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    principalId: hub.identity.principalId
  }
}
