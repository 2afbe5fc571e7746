param location string = resourceGroup().location

// Written as Data Explorer takes it.
resource hub1 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-1'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
//                                 ^^^^^^^^^ restrict-outbound-value-type [error]: restrictOutboundNetworkAccess of hub 'contoso-hub-1' is "Enabled", but IoT Hub takes a boolean (true or false).
  }
}

// A boolean in quotes, in a loop of hubs.
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for i in range(0, 3): {
  name: 'contoso-hub-${i + 2}'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: 'true'
//                                 ^^^^^^ restrict-outbound-value-type: is "true", but IoT Hub takes a boolean
  }
}]

// A number, and a word that says neither: no value to suggest.
resource hub5 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-5'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: 1
//                                 ^ restrict-outbound-value-type: of hub 'contoso-hub-5' is 1,
  }
}

resource hub6 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-6'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: 'yes'
//                                 ^^^^^ restrict-outbound-value-type: of hub 'contoso-hub-6' is "yes"
  }
}

// string() of a boolean is a string, not a boolean.
var restrict = true

resource hub7 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-7'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: string(restrict)
//                                 ^^^^^^^^^^^^^^^^ restrict-outbound-value-type: of hub 'contoso-hub-7' is "True"
  }
}
