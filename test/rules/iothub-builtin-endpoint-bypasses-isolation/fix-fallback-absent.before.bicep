resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

// Routing with no fallback route (so it is on): the fix adds a disabled one after the routes.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    ipFilterRules: [
      { filterName: 'deny-all', action: 'Reject', ipMask: '0.0.0.0/0' }
    ]
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archive.listKeys().keys[0].value}'
            containerName: 'archive'
          }
        ]
      }
      routes: [
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive' ], isEnabled: true }
      ]
    }
  }
}
