using 'restricted-by-parameter.bicep'

param allowedFqdns = []
