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
  name: '98ab44eb-3fd8-5ae4-88c6-6db8d6e57423'
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
  }
}
