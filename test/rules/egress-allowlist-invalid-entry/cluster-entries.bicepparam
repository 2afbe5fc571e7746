using 'cluster-entries.bicep'

param allowedHosts = [
  'https://contosohelp.kusto.windows.net'
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry: allowedFqdnList entry 'https://contosohelp.kusto.windows.net' of 'contosoadx' has a scheme
  'contosolake.dfs.core.windows.net'
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ egress-allowlist-invalid-entry [info]: of 'contosoadx' repeats an earlier entry
]
