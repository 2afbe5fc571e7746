using 'parameters-file.bicep'

param restrictOutbound = 'Enabled'
