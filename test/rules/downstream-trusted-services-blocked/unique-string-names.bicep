// The quickstarts' naming: a prefix and uniqueString(resourceGroup().id). The value is unknown, but the same
// expression gives the same name, so each endpoint below is known to send to the account or namespace named so.
param projectName string = 'Contoso'
param location string = resourceGroup().location

var storageAccountName = '${toLower(projectName)}${uniqueString(resourceGroup().id)}'
var eventHubNamespaceName = '${projectName}-ns-${guid(resourceGroup().id, 'events')}'

// Named by a variable; one endpoint builds its URI from the same variable, another reads the account's own endpoint.
resource storageAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
                                                //^^^^^^ downstream-trusted-services-blocked: Storage account 'contoso…' denies public traffic
  }
}

// Another input to uniqueString() ('Archive', not 'archive'): another account, which the hub does not send to.
resource otherArchive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'archive${uniqueString(resourceGroup().id, 'Archive')}'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
  }
}

// Named by an expression that the endpoint writes again, through toLower().
resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: toLower('Archive${uniqueString(resourceGroup().id, 'archive')}')
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'Logging' }
                                                //^^^^^^^^^ downstream-trusted-services-blocked: Storage account 'archive…' denies public traffic
  }
}

resource eventHubs 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: eventHubNamespaceName
  location: location
  sku: { name: 'Standard', tier: 'Standard' }

  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: false }
                                                                    //^^^^^ downstream-trusted-services-blocked: Event Hubs namespace 'Contoso-ns-…' denies public traffic
  }
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${projectName}Hub${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'results'
            authenticationType: 'identityBased'
            endpointUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}/'
                       //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: Routing endpoint 'results' (storageContainers) of hub 'ContosoHub…' sends to storage account 'contoso…' with a managed identity
            containerName: 'results'
          }
          {
            name: 'results-by-symbol'
            authenticationType: 'identityBased'
            endpointUri: storageAccount.properties.primaryEndpoints.blob
                       //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: Routing endpoint 'results-by-symbol' (storageContainers) of hub 'ContosoHub…' sends to storage account 'contoso…' with a managed identity
            containerName: 'more-results'
          }
          {
            name: 'archive'
            authenticationType: 'identityBased'
            endpointUri: 'https://archive${uniqueString(resourceGroup().id, 'archive')}.blob.core.windows.net/'
                       //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: Routing endpoint 'archive' (storageContainers) of hub 'ContosoHub…' sends to storage account 'archive…' with a managed identity
            containerName: 'archive'
          }
        ]
        eventHubs: [
          {
            name: 'telemetry'
            authenticationType: 'identityBased'
            endpointUri: 'sb://${eventHubNamespaceName}.servicebus.windows.net'
                       //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-identity-role-missing: Routing endpoint 'telemetry' (eventHubs) of hub 'ContosoHub…' sends to Event Hubs namespace 'Contoso-ns-…' with a managed identity
            entityPath: 'telemetry'
          }
        ]
      }
      routes: [
        { name: 'All', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'results', 'results-by-symbol', 'archive', 'telemetry' ], isEnabled: true }
      ]
    }
  }
}
