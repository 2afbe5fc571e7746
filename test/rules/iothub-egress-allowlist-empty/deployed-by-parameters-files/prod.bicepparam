using 'main.bicep'

param restrictEgress = true
