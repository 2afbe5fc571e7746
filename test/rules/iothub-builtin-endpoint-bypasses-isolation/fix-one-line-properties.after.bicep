// A small hub with its properties on one line: the disabled fallback route goes beside them, on the same line.
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: resourceGroup().location
  sku: { name: 'S1', capacity: 1 }
  properties: { publicNetworkAccess: 'Disabled', routing: { fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: false } } }
}
