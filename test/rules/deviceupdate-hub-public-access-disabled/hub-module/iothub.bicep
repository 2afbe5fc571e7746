param hubName string
param location string
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: publicNetworkAccess
    networkRuleSets: { defaultAction: 'Deny', applyToBuiltInEventHubEndpoint: true, ipRules: [] }
  }
}

output hubId string = hub.id
