// The entry with a trailing space matches nothing, so the bare entry after it is the only one that works: it is no
// duplicate, and removing it would leave the storage account unreachable.
var archiveHost = 'contosoarchive.blob.${environment().suffixes.storage}'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net'
      '${archiveHost} '
//    ^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry [warning]: has white space
      archiveHost
    ]
  }
}
