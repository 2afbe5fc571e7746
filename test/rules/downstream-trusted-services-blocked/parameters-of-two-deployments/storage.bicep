// Each file is a deployment of its own, given its own parameter values: the account name here need not be the one
// the hub's template is given, although both parameters have the same name and neither has a value.
param storageAccountName string

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
  }
}
