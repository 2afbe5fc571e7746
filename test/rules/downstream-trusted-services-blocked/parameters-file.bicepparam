using 'parameters-file.bicep'

param trustedServiceAccessEnabled = false
