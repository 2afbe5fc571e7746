param location string = 'westeurope'
@allowed(['Enabled', 'Disabled'])
param restrictOutbound string
param kqlScript string
param runCalloutScript bool = false

// Restriction off: the cluster takes the command.
resource open 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'adx-open'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: { restrictOutboundNetworkAccess: 'Disabled' }

  resource telemetry 'databases' = {
    name: 'telemetry'
    location: location
    kind: 'ReadWrite'

    resource callouts 'scripts' = {
      name: 'callouts'
      properties: { scriptContent: '.alter cluster policy callout @\'[]\'' }
    }
  }
}

// Restriction from a parameter without a value: unknown.
resource unknownRestriction 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'adx-unknown'
  location: location
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 }
  properties: { restrictOutboundNetworkAccess: restrictOutbound }
}

resource unknownCallouts 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  name: '${unknownRestriction.name}/telemetry/callouts'
  properties: { scriptContent: '.alter-merge cluster policy callout @\'[]\'' }
}

// A restricted cluster whose scripts do not touch the callout policy.
resource restricted 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'adx-restricted'
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

    resource tables 'scripts' = {
      name: 'tables'
      properties: {
        scriptContent: '''
.create-merge table Telemetry (DeviceId:string, Timestamp:datetime)
.alter database telemetry policy retention softdelete = 365d
.show cluster policy callout
.alter-merge cluster policy managed_identity @'[]'
// Callouts are set on the cluster now (restricted outbound access):
// .alter cluster policy callout @'[{"CalloutType": "sql", "CalloutUriRegex": "contoso-sql\\.database\\.windows\\.net", "CanCall": true}]'
.alter table Telemetry policy streamingingestion enable
'''
        continueOnErrors: false
      }
    }

    // Read from a file, or given from outside: unknown.
    resource fromFile 'scripts' = {
      name: 'from-file'
      properties: { scriptContent: loadTextContent('setup.kql') }
    }

    resource fromParameter 'scripts' = {
      name: 'from-parameter'
      properties: { scriptContent: kqlScript }
    }

    // The command is split across pieces: not known to be one.
    resource pieces 'scripts' = {
      name: 'pieces'
      properties: { scriptContent: '.alter cluster policy ${kqlScript}' }
    }

    // From a blob.
    resource fromBlob 'scripts' = {
      name: 'from-blob'
      properties: {
        scriptUrl: 'https://contosoingest.blob.core.windows.net/scripts/setup.kql'
        scriptUrlSasToken: kqlScript
      }
    }

    // A script that is not deployed: its condition is known to be false.
    resource notDeployed 'scripts' = if (runCalloutScript) {
      name: 'not-deployed'
      properties: { scriptContent: '.alter cluster policy callout @\'[]\'' }
    }
  }
}

// A restricted cluster deployed elsewhere: its properties are not known here.
resource existingCluster 'Microsoft.Kusto/clusters@2024-04-13' existing = {
  name: 'adx-existing'

  resource telemetry 'databases' existing = {
    name: 'telemetry'
  }
}

resource existingCallouts 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  parent: existingCluster::telemetry
  name: 'callouts'
  properties: { scriptContent: '.alter cluster policy callout @\'[]\'' }
}

// A cluster this analysis does not declare.
resource elsewhere 'Microsoft.Kusto/clusters/databases/scripts@2024-04-13' = {
  name: 'fabrikamadx/telemetry/callouts'
  properties: { scriptContent: '.alter cluster policy callout @\'[]\'' }
}
