var storageAccountName = 'contosoarchive'

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

// A key-based storage endpoint to a firewalled account: the fix switches it to the hub's identity with the account's blob endpoint.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archive.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
            containerName: 'telemetry'
            encoding: 'json'
          }
        ]
      }
      routes: [
        { name: 'Archive', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive' ], isEnabled: true }
      ]
    }
  }
}
