using 'clean-condition-from-parameters.bicep'

param deployIsolatedHubs = false
