param accountName string
@allowed(['Approved', 'Pending', 'Rejected', 'Disconnected'])
param connectionStatus string = 'Approved'

// Approved by default; the parameters file leaves it pending.
resource connection 'Microsoft.DeviceUpdate/accounts/privateEndpointConnections@2023-07-01' = {
  name: '${accountName}/factory-network'
  properties: {
    privateEndpoint: {}
    privateLinkServiceConnectionState: { status: connectionStatus, description: 'Factory access' }
//                                               ^^^^^^^^^^^^^^^^ private-endpoint-connection-not-approved: Private endpoint connection 'factory-network' of Device Update account 'contoso-adu' is Pending: update management fails until it is Approved.
  }
}
