using 'iothub.bicep'

param iotHubName = 'contoso-fleet-hub'
param publicNetworkAccess = 'Disabled'
