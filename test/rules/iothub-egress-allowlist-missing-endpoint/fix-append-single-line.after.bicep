// A one-line list: the host goes beside the others.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-fabrikam-h-3380121-9d2b7c0e41.servicebus.windows.net', 'fabrikamuploads.blob.core.windows.net' ]
    storageEndpoints: {
      '$default': {
        sasTtlAsIso8601: 'PT1H'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=fabrikamuploads;AccountKey=${uniqueString(resourceGroup().id)};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}
