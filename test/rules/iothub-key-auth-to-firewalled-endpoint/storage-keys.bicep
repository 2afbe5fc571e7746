param location string = resourceGroup().location
param prefix string = 'contoso'

var storageSuffix = environment().suffixes.storage

// A firewalled account that lets trusted services in: only identity-based access passes.
resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '${prefix}archive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'Logging, AzureServices'
    }
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    // File upload with the account key.
    storageEndpoints: {
      '$default': {
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${archive.name};AccountKey=${archive.listKeys().keys[0].value};EndpointSuffix=${storageSuffix}'
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint [warning]: File upload of hub 'contoso-hub' authenticates with a key to 'contosoarchive', which denies public traffic
        containerName: 'uploads'
      }
    }
    routing: {
      endpoints: {
        storageContainers: [
          // A routing endpoint that says keyBased, with a connection string built in a variable.
          {
            name: 'archive'
            authenticationType: 'keyBased'
            connectionString: archiveConnection
//                            ^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: Routing endpoint 'archive' (storageContainers) of hub 'contoso-hub' authenticates with a key to 'contosoarchive'
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

var sasProperties = {
  signedServices: 'b'
  signedPermission: 'wc'
  signedExpiry: '2030-01-01T00:00:00Z'
  signedResourceTypes: 'co'
}
var archiveConnection = 'BlobEndpoint=${archive.properties.primaryEndpoints.blob};SharedAccessSignature=${archive.listAccountSas('2023-01-01', sasProperties).accountSasToken}'
