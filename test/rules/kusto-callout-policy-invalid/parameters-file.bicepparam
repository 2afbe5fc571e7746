using 'parameters-file.bicep'

param apiAccess = 'deny'
param extraPolicies = [
  { calloutType: 'kusto', outboundAccess: 'Allow' }
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-policy-invalid: Callout policy 2 of cluster 'contosoadx' has no calloutUriRegex
]
