param location string = resourceGroup().location

// Copied from an older sample: 2020-03-01 knows neither property.
resource hub1 'Microsoft.Devices/IotHubs@2020-03-01' = {
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ restrict-outbound-api-version [warning]: API version 2020-03-01 of 'contoso-hub-1' does not know restrictOutboundNetworkAccess and allowedFqdnList, which needs 2021-07-01 or later: the setting is not applied.
  name: 'contoso-hub-1'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-contoso-hu-2917414-51ea2487eb.servicebus.windows.net' ]
  }
}

// A preview from before the feature, in a loop over regions.
resource hub2 'Microsoft.Devices/IotHubs@2021-03-03-preview' = [for region in [ 'westeurope', 'northeurope' ]: {
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ restrict-outbound-api-version: API version 2021-03-03-preview of 'contoso-westeurope' does not know allowedFqdnList, which needs 2021-07-01
  name: 'contoso-${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    allowedFqdnList: [ 'iothub-ns-contoso-${region}.servicebus.windows.net' ]
  }
}]

// The property is set only when a parameter says so, but it is written: the old version still does not know it.
param restrictEgress bool = true

resource hub3 'Microsoft.Devices/IotHubs@2019-11-04' = {
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ restrict-outbound-api-version: does not know restrictOutboundNetworkAccess and allowedFqdnList, which needs 2021-07-01
  name: 'contoso-hub-3'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: restrictEgress
    allowedFqdnList: restrictEgress ? [ 'iothub-ns-contoso-hu-2917533-5a6b7c8d9e.servicebus.windows.net' ] : null
  }
}
