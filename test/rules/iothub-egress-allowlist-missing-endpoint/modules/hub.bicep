// Deployed by main.bicep, which passes the values: on its own, this file's values are unknown.
param hubName string
param archiveEndpoint string
param allowedFqdns array
@secure()
param archiveSas string

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: allowedFqdns
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'archive'
            connectionString: 'BlobEndpoint=${archiveEndpoint};SharedAccessSignature=${archiveSas}'
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: of hub 'woodgrove-hub' will fail: 'woodgrovearchive.blob.core.windows.net'
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
