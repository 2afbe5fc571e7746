param regions array = [ 'westeurope', 'northeurope' ]

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// A loop of hubs uploading to one account with their identities: the assignment the fix adds loops over the hubs too,
// since a resource collection cannot be referred to without an index.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'contoso-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};EndpointSuffix=${environment().suffixes.storage}'
        containerName: region
      }
    }
  }
}]
