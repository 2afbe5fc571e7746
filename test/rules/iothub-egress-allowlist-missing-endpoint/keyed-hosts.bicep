// Hosts named with uniqueString(): unknown, but the same expression makes the same host.
var storageAccountName = 'st${uniqueString(resourceGroup().id)}'
var builtIn = 'iothub-ns-contoso-hu-2917533-5a6b7c8d9e.servicebus.windows.net'
var routing = {
  endpoints: {
    storageContainers: [
      {
        name: 'results'
        authenticationType: 'identityBased'
        endpointUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}/'
        containerName: 'results'
      }
    ]
  }
  routes: [ { name: 'All', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'results' ], isEnabled: true } ]
}

// The list names the account's host by the same variable: listed.
resource listedHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-listed-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ builtIn, '${storageAccountName}.blob.core.windows.net' ]
    routing: routing
  }
}

// A list of hosts none of which can be the account's, whatever uniqueString() gives: the endpoint will fail.
// No fix: the host's text is not known.
resource unrelatedHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-unrelated-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ builtIn, 'www.bing.com', 'www.microsoft.com' ]
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'results'
            authenticationType: 'identityBased'
            endpointUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}/'
                       //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-endpoint: Routing endpoint 'results' (storageContainers) of hub 'contoso-unrelated-hub' will fail: 'st….blob.core.windows.net' is not in allowedFqdnList
            containerName: 'results'
          }
        ]
      }
      routes: [ { name: 'All', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'results' ], isEnabled: true } ]
    }
  }
}

// An entry whose known text fits the account's host may be it.
resource maybeHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-maybe-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ builtIn, 'st${uniqueString(resourceGroup().id, 'other')}.blob.core.windows.net' ]
    routing: routing
  }
}
