// A route to 'events' that is disabled does not keep the built-in endpoint fed: the fix can still turn the fallback route off.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    networkRuleSets: {
      defaultAction: 'Deny'
      applyToBuiltInEventHubEndpoint: false
    }
    routing: {
      routes: [
        { name: 'Legacy', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'events' ], isEnabled: false }
      ]
      fallbackRoute: {
        name: '$fallback'
        source: 'DeviceMessages'
        condition: 'true'
        endpointNames: [ 'events' ]
        isEnabled: false
      }
    }
  }
}
