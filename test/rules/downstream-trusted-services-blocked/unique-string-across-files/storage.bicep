// The storage account, in a file of its own: named as the hub's template in this folder names it.
resource storageAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
                                                //^^^^^^ downstream-trusted-services-blocked: Storage account 'st…' denies public traffic
  }
}
