param identityType string
param identityName string = 'relecloud-hub-id'

resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

// The system-assigned identity, beside a user-assigned one.
resource hub1 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-1'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${hubIdentity.id}': {}
    }
  }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=relecloud;EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}

// The identity type comes from a parameter without a default.
resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: identityType }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=relecloud;EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}

// Key-based endpoints need no identity.
resource hub3 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-3'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: 'keyBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=relecloud;AccountKey=${identityType};EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
    routing: {
      endpoints: {
        serviceBusQueues: [
          {
            name: 'commands'
            connectionString: 'Endpoint=sb://relecloud-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${identityType};EntityPath=commands'
          }
        ]
      }
      routes: [
        { name: 'Commands', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'commands' ], isEnabled: true }
      ]
    }
  }
}

// The authentication type is not known.
resource hub4 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'relecloud-hub-4'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    storageEndpoints: {
      '$default': {
        authenticationType: identityType == 'None' ? 'keyBased' : 'identityBased'
        connectionString: 'DefaultEndpointsProtocol=https;AccountName=relecloud;EndpointSuffix=${environment().suffixes.storage}'
        containerName: 'uploads'
      }
    }
  }
}
