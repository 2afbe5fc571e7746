using 'main.bicep'

param restrictEgress = false
