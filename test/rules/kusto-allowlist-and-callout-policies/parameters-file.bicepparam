using 'parameters-file.bicep'

param allowedFqdns = [
  'contosoingest.blob.core.windows.net'
]
