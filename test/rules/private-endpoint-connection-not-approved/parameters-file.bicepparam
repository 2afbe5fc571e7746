using 'parameters-file.bicep'

param accountName = 'contoso-adu'
param connectionStatus = 'Pending'
