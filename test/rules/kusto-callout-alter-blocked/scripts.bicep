param location string = 'westeurope'
param clusterName string = 'contosoadx'
param sqlServer string

resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: clusterName
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: {
    restrictOutboundNetworkAccess: 'Enabled'
    allowedFqdnList: ['contosoingest.blob.core.windows.net']
  }

  resource telemetry 'databases' = {
    name: 'telemetry'
    location: location
    kind: 'ReadWrite'
    properties: { softDeletePeriod: 'P365D', hotCachePeriod: 'P31D' }

    // A script nested in its database, the KQL in a multi-line string.
    resource setup 'scripts' = {
      name: 'setup'
      properties: {
        scriptContent: '''
//                     ^^^ kusto-callout-alter-blocked [error]: This script alters the callout policy of cluster 'contosoadx', which restricts outbound access: the command is rejected. Set allowedFqdnList or calloutPolicies on the cluster instead.
.create-merge table Telemetry (DeviceId:string, Timestamp:datetime, Payload:dynamic)

.alter cluster policy callout @'[{"CalloutType": "sql", "CalloutUriRegex": "contoso-sql\\.database\\.windows\\.net", "CanCall": true}]'
'''
        continueOnErrors: false
      }
    }
  }
}

// A script with parent:, the command on one line, in an ordinary string.
resource callouts 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  parent: cluster::telemetry
  name: 'callouts'
  properties: {
    scriptContent: '.alter-merge cluster policy callout @\'[{"CalloutType": "webapi", "CalloutUriRegex": "api\\\\.contoso\\\\.com", "CanCall": true}]\''
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-alter-blocked: alters the callout policy of cluster 'contosoadx'
    continueOnErrors: true
  }
}

// The command is known although the policy it sets is not.
resource interpolated 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  parent: cluster::telemetry
  name: 'interpolated'
  properties: {
    scriptContent: '.create-merge table Errors (Timestamp:datetime, Message:string)\n.ALTER   CLUSTER   POLICY   CALLOUT @\'[{"CalloutType": "sql", "CalloutUriRegex": "${sqlServer}", "CanCall": true}]\''
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-alter-blocked: cluster 'contosoadx'
  }
}

// Top level, named 'cluster/database/script' by interpolation.
resource named 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  name: '${clusterName}/telemetry/named'
  properties: {
    scriptContent: '.create-merge table Logs (Message:string);.alter cluster policy callout @\'[]\''
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-alter-blocked: cluster 'contosoadx'
  }
}

// One script per database from a loop: one declaration stands for them all.
param databases array = [
  'telemetry'
  'alerts'
]

resource perDatabase 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = [for db in databases: {
  name: '${clusterName}/${db}/callouts'
  properties: {
    scriptContent: '.alter cluster policy callout @\'[]\''
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ kusto-callout-alter-blocked: cluster 'contosoadx'
  }
}]
