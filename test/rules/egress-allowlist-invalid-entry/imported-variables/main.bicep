// The allow list is a variable shared by compile-time imports, by name and through a namespace: its values are known.
import { egressHosts } from 'shared.bicep'
import * as shared from 'shared.bicep'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: egressHosts
  }
}

resource hub2 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub-2'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: shared.egressHosts
  }
}
