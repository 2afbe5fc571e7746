// The hub reaches the account of storage.json with a key: the account is named by the same expression.
var storageAccountName = 'st${uniqueString(resourceGroup().id)}'

@secure()
param storageAccountKey string

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    storageEndpoints: {
      '$default': {
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=${storageAccountName};AccountKey=${storageAccountKey}'
                        //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: File upload of hub 'contoso-hub' authenticates with a key to 'st…', which denies public traffic
        containerName: 'uploads'
      }
    }
  }
}
