// The hub has no identity: the fix gives it a system-assigned one.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'northwind-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=northwinduploads;EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}
