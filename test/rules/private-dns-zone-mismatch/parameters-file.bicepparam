using 'parameters-file.bicep'

param dnsZoneName = 'privatelink.blob.core.windows.net'
