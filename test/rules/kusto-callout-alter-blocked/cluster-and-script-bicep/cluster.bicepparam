using 'cluster.bicep'

param clusterName = 'contosoadx'
param restrictOutboundNetworkAccess = 'Enabled'
