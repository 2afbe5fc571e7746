// Properties written on one line: the list goes beside the others, on the same line.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: { restrictOutboundNetworkAccess: true, storageEndpoints: { '$default': { connectionString: 'BlobEndpoint=https://fabrikamuploads.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=AAAA', containerName: 'uploads' } }, allowedFqdnList: ['fabrikamuploads.blob.core.windows.net'] }
}
