using 'parameters-file.bicep'

param restrictOutbound = 'Disabled'
param allowedFqdns = [
  'contosoingest.blob.core.windows.net'
]
