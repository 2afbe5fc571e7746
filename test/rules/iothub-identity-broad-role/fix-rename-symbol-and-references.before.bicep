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

resource hubContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hub.id, 'contributor')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource later 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'after-roles'
  location: 'westeurope'
  kind: 'AzureCLI'
  properties: { azCliVersion: '2.52.0', retentionInterval: 'PT1H', scriptContent: 'echo ok' }
  dependsOn: [hubContributorAssignment]
}

// A property and a member of the same name are not references.
output hubContributorAssignment string = hubContributorAssignment.id
output names object = { hubContributorAssignment: hubContributorAssignment.name }
output hidden array = [for hubContributorAssignment in ['a']: hubContributorAssignment]
