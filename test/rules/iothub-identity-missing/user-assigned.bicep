param hubName string = 'contoso-hub'
param identityName string = 'contoso-hub-id'
@description('A user-assigned identity managed elsewhere.')
param externalIdentityId string

resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: 'westeurope'
}

resource legacyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'contoso-legacy-id'
  location: 'westeurope'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${hubIdentity.id}': {}
    }
  }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          // The identity the hub lists, by its symbol: fine.
          {
            name: 'archive'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: hubIdentity.id }
            endpointUri: 'https://contosoarchive.blob.${environment().suffixes.storage}/'
            containerName: 'telemetry'
            encoding: 'json'
          }
          // The same identity by resourceId(): fine.
          {
            name: 'archive-copy'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName) }
            endpointUri: 'https://contosoarchive2.blob.${environment().suffixes.storage}/'
            containerName: 'telemetry'
            encoding: 'json'
          }
          // An identity of this file that the hub does not list.
          {
            name: 'cold'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: legacyIdentity.id }
//                                            ^^^^^^^^^^^^^^^^^ iothub-identity-missing [error]: Routing endpoint 'cold' (storageContainers) of hub 'contoso-hub' uses a user-assigned identity that hub 'contoso-hub' does not list
            endpointUri: 'https://contosocold.blob.${environment().suffixes.storage}/'
            containerName: 'telemetry'
            encoding: 'json'
          }
          // An identity given from outside: cannot be compared.
          {
            name: 'external'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: externalIdentityId }
            endpointUri: 'https://contosoexternal.blob.${environment().suffixes.storage}/'
            containerName: 'telemetry'
            encoding: 'json'
          }
        ]
        serviceBusTopics: [
          // No user-assigned identity named: the system-assigned one, which the hub lacks.
          {
            name: 'notifications'
            authenticationType: 'identityBased'
//                              ^^^^^^^^^^^^^^^ iothub-identity-missing: Routing endpoint 'notifications' (serviceBusTopics) of hub 'contoso-hub' authenticates with the hub's system-assigned identity, but hub 'contoso-hub' has none
            endpointUri: 'sb://contoso-bus.servicebus.windows.net'
            entityPath: 'notifications'
          }
        ]
      }
      routes: [
        { name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: [ 'archive', 'archive-copy', 'cold', 'external', 'notifications' ], isEnabled: true }
      ]
    }
  }
}
