using 'parameters-file.bicep'

param groupId = 'adu'
