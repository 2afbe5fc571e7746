param accountName string

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: accountName
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

output accountName string = account.name
