// The symbol names the old role: it is renamed, with the references to it; the literal seed names the new role.
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

resource hubStorageBlobDataContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hub.id, 'storageBlobDataContributor')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource later 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'after-roles'
  location: 'westeurope'
  kind: 'AzureCLI'
  properties: { azCliVersion: '2.52.0', retentionInterval: 'PT1H', scriptContent: 'echo ok' }
  dependsOn: [hubStorageBlobDataContributorAssignment]
}

// A property and a member of the same name are not references.
output hubContributorAssignment string = hubStorageBlobDataContributorAssignment.id
output names object = { hubContributorAssignment: hubStorageBlobDataContributorAssignment.name }
output hidden array = [for hubContributorAssignment in ['a']: hubContributorAssignment]
