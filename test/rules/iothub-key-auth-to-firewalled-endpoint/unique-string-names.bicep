// The routing quickstart's shape: the account is named with uniqueString(), and the hub reaches it with a key,
// the connection string built from the same variable. The account denies public traffic: the key does not pass.
param projectName string = 'contoso'
param location string = resourceGroup().location

var storageAccountName = '${toLower(projectName)}${uniqueString(resourceGroup().id)}'
var storageEndpoint = '${projectName}StorageEndpont'

resource storageAccount 'Microsoft.Storage/storageAccounts@2021-08-01' = {
  name: storageAccountName
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'Storage'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource eventHubs 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${projectName}-ns-${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }

  resource telemetry 'eventhubs' = {
    name: 'telemetry'

    resource send 'authorizationRules' = {
      name: 'send'
      properties: { rights: [ 'Send' ] }
    }
  }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: true }
  }
}

resource IoTHub 'Microsoft.Devices/IotHubs@2021-07-02' = {
  name: '${projectName}Hub${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'S1'
    capacity: 1
  }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            connectionString: 'DefaultEndpointsProtocol=https;AccountName=${storageAccountName};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storageAccount.listKeys().keys[0].value}'
                            //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: Routing endpoint 'contosoStorageEndpont' (storageContainers) of hub 'contosoHub…' authenticates with a key to 'contoso…', which denies public traffic
            containerName: '${toLower(projectName)}results'
            name: storageEndpoint
          }
        ]
        eventHubs: [
          {
            name: 'telemetry'
            connectionString: eventHubs::telemetry::send.listKeys().primaryConnectionString
                            //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-key-auth-to-firewalled-endpoint: Routing endpoint 'telemetry' (eventHubs) of hub 'contosoHub…' authenticates with a key to 'contoso-ns-…', which denies public traffic
          }
        ]
      }
      routes: [
        {
          name: 'ContosoStorageRoute'
          source: 'DeviceMessages'
          condition: 'level="storage"'
          endpointNames: [
            storageEndpoint
            'telemetry'
          ]
          isEnabled: true
        }
      ]
    }
  }
}
