// The upload account's name comes from the .bicepparam file.
param uploadAccountName string
@secure()
param uploadKey string

resource uploads 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: uploadAccountName
}

// File upload to a storage account the allow list does not name, with a connection string built from an existing account.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-fabrikam-h-3380121-9d2b7c0e41.servicebus.windows.net' ]
    enableFileUploadNotifications: true
    storageEndpoints: {
      '$default': {
        sasTtlAsIso8601: 'PT1H'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${uploads.name};AccountKey=${uploads.listKeys().keys[0].value}'
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: File upload of hub 'fabrikam-hub' will fail: 'fabrikamuploads.blob.core.windows.net' is not in allowedFqdnList.
        containerName: 'uploads'
      }
    }
  }
}

// A connection string with an explicit blob endpoint and a secure key.
resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub-2'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-fabrikam-h-3380150-1b4e7f2a90.servicebus.windows.net', '${uploadAccountName}.blob.core.windows.net' ]
    storageEndpoints: {
      '$default': {
        sasTtlAsIso8601: 'PT1H'
        connectionString: 'BlobEndpoint=https://fabrikamcdn.blob.core.windows.net/;SharedAccessSignature=${uploadKey}'
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: 'fabrikamcdn.blob.core.windows.net'
        containerName: 'uploads'
      }
    }
  }
}

// File upload is not configured: an empty connection string, as the portal writes it.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'fabrikam-hub-3'
  location: 'eastus'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-fabrikam-h-3380177-6c0d9e8b13.servicebus.windows.net' ]
    storageEndpoints: {
      '$default': { sasTtlAsIso8601: 'PT1H', connectionString: '', containerName: '' }
    }
  }
}
