using 'parameters-file.bicep'

param hubName = 'adatum-hub'
param egress = {
  restrict: true
}
param allowedFqdns = [
  'adatumdata.blob.${environment().suffixes.storage}'
]
