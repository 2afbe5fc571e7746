@allowed(['dev', 'prod'])
param environmentName string = 'dev'

// The module gets the setting from here: restricted in production only.
module adx 'cluster.bicep' = {
  name: 'adx'
  params: {
    clusterName: 'contoso${environmentName}adx'
    restrictOutboundNetworkAccess: environmentName == 'prod' ? 'Enabled' : 'Disabled'
  }
}

// Restricted everywhere.
module adxAudit 'cluster.bicep' = {
  name: 'adx-audit'
  params: {
    clusterName: 'contosoauditadx'
    restrictOutboundNetworkAccess: 'Enabled'
  }
}
