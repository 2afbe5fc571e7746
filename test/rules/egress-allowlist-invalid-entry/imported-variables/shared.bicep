// Reported where it is written, once for both hubs.
@export()
var egressHosts = [
  'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net'
  'https://contosoarchive.blob.core.windows.net/'
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry [warning]: allowedFqdnList entry 'https://contosoarchive.blob.core.windows.net/' of 'contoso-hub
]
