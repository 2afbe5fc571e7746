// @cloud AzureChinaCloud
var suffix = environment().suffixes.storage

// Lists the built-in endpoint with the China suffix.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-cn-hub'
  location: 'chinaeast2'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'iothub-ns-contoso-cn-4471201-5ac3e0b917.servicebus.chinacloudapi.cn'
      'contosocn.blob.${suffix}'
    ]
  }
}

// Storage only: the message names the China suffix.
resource storageOnlyHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-cn-hub-2'
  location: 'chinanorth3'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'contosocn.blob.${suffix}' ]
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint: (iothub-ns-….servicebus.chinacloudapi.cn)
  }
}

// The public cloud's suffix does not count in China.
resource publicSuffixHub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-cn-hub-3'
  location: 'chinanorth3'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-contoso-cn-4471233-0be1d2c3f4.servicebus.windows.net' ]
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint
  }
}
