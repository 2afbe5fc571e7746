// The role assignments are made by a module, as is common in Bicep: the module is given the hub's principal and the account's name.
param location string = resourceGroup().location

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'woodgrovearchive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource cold 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'woodgrovecold'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'woodgrove-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          // The module gives the role on this account.
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: archive.properties.primaryEndpoints.blob
            containerName: 'telemetry'
          }
          // Nothing gives it on this one: the module is deployed for the archive account only.
          {
            name: 'cold'
            authenticationType: 'identityBased'
            endpointUri: cold.properties.primaryEndpoints.blob
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: sends to storage account 'woodgrovecold'
            containerName: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive', 'cold' ], isEnabled: true }
      ]
    }
  }
}

module archiveRole 'storage-role.bicep' = {
  name: 'archiveRole'
  params: {
    storageAccountName: archive.name
    principalId: hub.identity.principalId
  }
}
