resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'northwind-hub-id'
  location: 'westeurope'
}

// Only a user-assigned identity, and an endpoint that names none: the fix adds SystemAssigned beside it.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'northwind-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${hubIdentity.id}': {}
    }
  }
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
