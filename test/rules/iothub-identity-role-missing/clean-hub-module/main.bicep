// The hub is deployed by a module, which outputs its principal: the role assignment here names it through the output.
resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}
module hub 'hub.bicep' = {
  name: 'hub'
  params: {
    archiveEndpoint: archive.properties.primaryEndpoints.blob
  }
}
resource writer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(archive.id, 'hub', 'blob')
  scope: archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: hub.outputs.principalId
    principalType: 'ServicePrincipal'
  }
}
