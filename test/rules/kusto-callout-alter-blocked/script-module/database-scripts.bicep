param clusterName string
param databaseName string
param kql string

resource database 'Microsoft.Kusto/clusters/databases@2024-04-13' existing = {
  name: '${clusterName}/${databaseName}'
}

resource script 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  parent: database
  name: 'setup'
  properties: {
    scriptContent: kql
//                 ^^^ kusto-callout-alter-blocked: This script alters the callout policy of cluster 'contosoadx'
    continueOnErrors: false
  }
}
