using 'parameters-file.bicep'

param hubName = 'contoso-factory-hub'
param publicNetworkAccess = 'Disabled'
