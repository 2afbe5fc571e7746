using 'parameters-us-gov.bicep'

param storageAccountName = 'contosogovarchive'
param defaultAction = 'Deny'
