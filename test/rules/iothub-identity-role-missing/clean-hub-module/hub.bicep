// Deployed by main.bicep, which passes the endpoint of its storage account.
param archiveEndpoint string
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archiveEndpoint
            containerName: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive' ], isEnabled: true }
      ]
    }
  }
}
output principalId string = hub.identity.principalId
