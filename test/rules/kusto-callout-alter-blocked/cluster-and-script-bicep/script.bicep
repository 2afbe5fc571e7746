// The cluster and its database are declared in the other file.
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: 'contosoadx'

  resource telemetry 'databases' existing = {
    name: 'telemetry'
  }
}

resource callouts 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  parent: cluster::telemetry
  name: 'callouts'
  properties: {
    scriptContent: '.alter-merge cluster policy callout @\'[{"CalloutType": "kusto", "CalloutUriRegex": "fabrikamadx\\\\.westeurope\\\\.kusto\\\\.windows\\\\.net", "CanCall": true}]\''
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-alter-blocked: This script alters the callout policy of cluster 'contosoadx'
  }
}
