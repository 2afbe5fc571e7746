using 'parameters-file.bicep'

param aduServiceTag = 'AzureDeviceUpdate.JapanEast'
param firewallSources = [
  'AzureDeviceUpdate.JapanWest'
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ deviceupdate-service-tag-regional: 'AzureDeviceUpdate.JapanWest'
]
