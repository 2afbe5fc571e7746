param location string = resourceGroup().location

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net'
      // The account's blob endpoint is a URL, not a host.
      archive.properties.primaryEndpoints.blob
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry [warning]: allowedFqdnList entry 'https://contosoarchive.blob.core.windows.net/' of 'contoso-hub' has a scheme and a path: it is compared as a bare host name and will match nothing.
      // Built by interpolation, with a port.
      '${archive.name}.dfs.${environment().suffixes.storage}:443'
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: entry 'contosoarchive.dfs.core.windows.net:443' of 'contoso-hub' has a port
      'contoso-sb.servicebus.windows.net '
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: has white space
      '*.blob.core.windows.net'
//    ^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: has a wildcard (only exact host names are matched)
      '10.0.0.4'
//    ^^^^^^^^^^ egress-allowlist-invalid-entry: an IP address
      'sb://contoso-alerts.servicebus.windows.net/alerts'
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: has a scheme and a path
      'contoso_events.servicebus.windows.net'
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: has characters a host name cannot have
      'contoso-sb.servicebus.windows.net'
      'Contoso-SB.servicebus.windows.net'
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry [info]: allowedFqdnList entry 'Contoso-SB.servicebus.windows.net' of 'contoso-hub' repeats an earlier entry.
    ]
  }
}

// Entries made by a loop over a known list: each is reported where the loop writes it, once.
var queues = [ 'commands', 'alerts' ]

resource loopHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-loop-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [for queue in queues: 'sb://contoso-${queue}.servicebus.windows.net/']
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: entry 'sb://contoso-commands.servicebus.windows.net/' of 'contoso-loop-hub' has a scheme and a path
    routing: {
      fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
    }
  }
}
