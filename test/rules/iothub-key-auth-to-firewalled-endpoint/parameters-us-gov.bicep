// @cloud AzureUSGovernment
// The firewall's default action and the account name come from the .bicepparam file.
param storageAccountName string
param defaultAction string = 'Allow'

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: 'usgovvirginia'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: defaultAction
      bypass: 'AzureServices'
    }
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-gov-hub'
  location: 'usgovvirginia'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archive.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: authenticates with a key to 'contosogovarchive'
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
