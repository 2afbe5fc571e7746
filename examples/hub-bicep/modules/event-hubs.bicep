// An Event Hubs namespace closed to public networks, with the hub telemetry's event hub.

param namespaceName string
param location string

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicNetworkAccess: 'Enabled'
  }

  resource telemetry 'eventhubs' = {
    name: 'telemetry'
    properties: {
      partitionCount: 4
    }
  }

  resource rules 'networkRuleSets' = {
    name: 'default'
    properties: {
      defaultAction: 'Deny'
      trustedServiceAccessEnabled: false
    }
  }
}

output namespaceName string = namespace.name
