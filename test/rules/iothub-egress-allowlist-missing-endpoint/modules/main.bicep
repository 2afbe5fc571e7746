// The storage account and the hub are deployed by two modules; the hub's endpoint is an output of the storage module.
param prefix string = 'woodgrove'
@secure()
param archiveSas string

module archive 'storage.bicep' = {
  name: 'archive'
  params: {
    accountName: '${prefix}archive'
  }
}

module hub 'hub.bicep' = {
  name: 'iotHub'
  params: {
    hubName: '${prefix}-hub'
    archiveEndpoint: archive.outputs.blobEndpoint
    archiveSas: archiveSas
    allowedFqdns: [ 'iothub-ns-woodgrove-8812045-7c6b5a4d3e.servicebus.windows.net' ]
  }
}
