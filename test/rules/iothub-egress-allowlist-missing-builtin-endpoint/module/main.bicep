// The hub is deployed by a module; main.bicep passes the list, which lacks the built-in endpoint.
param prefix string = 'woodgrove'

module hub 'hub.bicep' = {
  name: 'iotHub'
  params: {
    hubName: '${prefix}-hub'
    allowedFqdns: [ '${prefix}archive.blob.${environment().suffixes.storage}' ]
  }
}

// A second deployment of the same module whose list names the built-in endpoint.
module otherHub 'hub.bicep' = {
  name: 'otherIotHub'
  params: {
    hubName: '${prefix}-other-hub'
    allowedFqdns: [ 'iothub-ns-woodgrove-8812045-7c6b5a4d3e.servicebus.windows.net' ]
  }
}
