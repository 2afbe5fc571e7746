param location string = resourceGroup().location

// No routing at all: the fix adds routing with a disabled fallback route.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    minTlsVersion: '1.2'
    routing: {
      fallbackRoute: {
        name: '$fallback'
        source: 'DeviceMessages'
        condition: 'true'
        endpointNames: [
          'events'
        ]
        isEnabled: false
      }
    }
  }
}
