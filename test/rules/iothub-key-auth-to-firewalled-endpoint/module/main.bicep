// The firewalled account is deployed by a module; the hub here reaches it with a key.
param prefix string = 'contoso'
@secure()
param archiveKey string

var archiveName = '${prefix}archive'

module archive 'storage.bicep' = {
  name: 'archive'
  params: {
    accountName: archiveName
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.outputs.accountName};AccountKey=${archiveKey}'
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: Routing endpoint 'archive' (storageContainers) of hub 'contoso-hub' authenticates with a key to 'contosoarchive'
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
