param accountName string
param location string
param allowTrustedServices bool

// Reported on the branch the deployment takes.
resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: accountName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: allowTrustedServices ? 'AzureServices' : 'None'
//                                                     ^^^^^^ downstream-trusted-services-blocked: Storage account 'contosoprodarchive' denies public traffic and does not let trusted Microsoft services through: routing endpoint 'archive' (storageContainers) of hub 'contoso-prod-hub' cannot deliver to it.
      virtualNetworkRules: []
    }
  }
}

output blobEndpoint string = account.properties.primaryEndpoints.blob
