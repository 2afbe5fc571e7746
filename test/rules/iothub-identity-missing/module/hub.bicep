// Deployed by main.bicep, which passes the values: on its own, this file's values are unknown.
param hubName string
param identityType string

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: identityType }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
//                          ^^^^^^^^^^^^^^^ iothub-identity-missing: File upload of hub 'woodgrove-hub' authenticates with the hub's system-assigned identity, but hub 'woodgrove-hub' has none
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=woodgroveuploads;EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}
