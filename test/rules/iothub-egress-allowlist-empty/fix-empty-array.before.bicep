resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'tailspinarchive'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// An empty list is replaced by the known host of file upload's storage account.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'tailspin-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: []
    storageEndpoints: {
      '$default': {
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archive.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}
