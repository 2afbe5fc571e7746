using 'parameters-file.bicep'

param environmentName = 'prod'
param publicNetworkAccess = environmentName == 'prod' ? 'Disabled' : 'Enabled'
