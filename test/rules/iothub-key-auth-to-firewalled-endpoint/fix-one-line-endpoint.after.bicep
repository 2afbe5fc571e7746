// An endpoint written on one line: the connection string goes, and the identity-based settings come beside the name.
resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'contoso-bus'
  location: 'westeurope'
  sku: { name: 'Premium', capacity: 1 }
  resource firewall 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: true }
  }
}
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        serviceBusQueues: [ { name: 'orders', endpointUri: 'sb://contoso-bus.servicebus.windows.net', entityPath: 'orders', authenticationType: 'identityBased' } ]
      }
      routes: [ { name: 'Orders', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'orders' ], isEnabled: true } ]
    }
  }
}
