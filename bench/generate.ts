/**
 * A large, realistic template for the benchmark: 10,000 resources of the
 * kinds the rules read (hubs with routing and allow lists, storage accounts,
 * Event Hubs namespaces, role assignments, Data Explorer clusters, private
 * endpoints), about 20 MB of pretty-printed JSON.
 */
export function generateTemplate(resourceCount: number, targetBytes: number): string {
  const resources: object[] = [];
  const kinds = 6;
  for (let i = 0; resources.length < resourceCount; i++) {
    switch (i % kinds) {
      case 0:
        resources.push({
          type: 'Microsoft.Devices/IotHubs',
          apiVersion: '2023-06-30',
          name: `[concat(parameters('prefix'), '-hub-${i}')]`,
          location: "[parameters('location')]",
          sku: { name: 'S1', capacity: 1 },
          identity: { type: 'SystemAssigned' },
          properties: {
            publicNetworkAccess: i % 12 === 0 ? 'Disabled' : 'Enabled',
            restrictOutboundNetworkAccess: true,
            allowedFqdnList: [`iothub-ns-hub-${i}-1234567-abcdef0123.servicebus.windows.net`, `st${i + 1}.blob.core.windows.net`],
            eventHubEndpoints: { events: { retentionTimeInDays: 1, partitionCount: 4 } },
            routing: {
              endpoints: {
                storageContainers: [
                  {
                    name: 'archive',
                    authenticationType: 'identityBased',
                    endpointUri: `https://st${i + 1}.blob.core.windows.net/`,
                    containerName: 'telemetry',
                    fileNameFormat: '{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}',
                    batchFrequencyInSeconds: 100,
                    maxChunkSizeInBytes: 104857600,
                    encoding: 'json',
                  },
                ],
                eventHubs: [{ name: 'alerts', authenticationType: 'identityBased', endpointUri: `sb://ns${i + 2}.servicebus.windows.net`, entityPath: 'alerts' }],
              },
              routes: [{ name: 'archive', source: 'DeviceMessages', condition: 'true', endpointNames: ['archive'], isEnabled: true }],
              fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: true },
            },
            cloudToDevice: { maxDeliveryCount: 10, defaultTtlAsIso8601: 'PT1H', feedback: { lockDurationAsIso8601: 'PT1M', ttlAsIso8601: 'PT1H', maxDeliveryCount: 10 } },
          },
        });
        break;
      case 1:
        resources.push({
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: `st${i}`,
          location: "[parameters('location')]",
          sku: { name: 'Standard_LRS' },
          kind: 'StorageV2',
          properties: { minimumTlsVersion: 'TLS1_2', networkAcls: { defaultAction: 'Deny', bypass: i % 5 === 0 ? 'Logging' : 'AzureServices' } },
        });
        break;
      case 2:
        resources.push({
          type: 'Microsoft.EventHub/namespaces',
          apiVersion: '2024-01-01',
          name: `ns${i}`,
          location: "[parameters('location')]",
          sku: { name: 'Standard', tier: 'Standard' },
          properties: { minimumTlsVersion: '1.2' },
          resources: [{ type: 'networkRuleSets', apiVersion: '2024-01-01', name: 'default', properties: { defaultAction: 'Deny', trustedServiceAccessEnabled: true } }],
        });
        break;
      case 3:
        resources.push({
          type: 'Microsoft.Authorization/roleAssignments',
          apiVersion: '2022-04-01',
          name: `[guid(resourceId('Microsoft.Storage/storageAccounts', 'st${i - 2}'), 'hub-${i - 3}')]`,
          scope: `Microsoft.Storage/storageAccounts/st${i - 2}`,
          properties: {
            roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')]",
            principalId: `[reference(resourceId('Microsoft.Devices/IotHubs', concat(parameters('prefix'), '-hub-${i - 3}')), '2023-06-30', 'Full').identity.principalId]`,
            principalType: 'ServicePrincipal',
          },
        });
        break;
      case 4:
        resources.push({
          type: 'Microsoft.Kusto/clusters',
          apiVersion: '2024-04-13',
          name: `adx${i}`,
          location: "[parameters('location')]",
          sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 },
          properties: { restrictOutboundNetworkAccess: 'Enabled', allowedFqdnList: [`st${i - 3}.blob.core.windows.net`] },
        });
        break;
      default:
        resources.push({
          type: 'Microsoft.Network/privateEndpoints',
          apiVersion: '2023-09-01',
          name: `pe${i}`,
          location: "[parameters('location')]",
          properties: {
            subnet: { id: "[parameters('subnetId')]" },
            privateLinkServiceConnections: [{ name: 'hub', properties: { privateLinkServiceId: `[resourceId('Microsoft.Devices/IotHubs', concat(parameters('prefix'), '-hub-${i - 5}'))]`, groupIds: ['iotHub'] } }],
          },
        });
    }
  }
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { prefix: { type: 'string', defaultValue: 'contoso' }, location: { type: 'string', defaultValue: 'westeurope' }, subnetId: { type: 'string' } },
    resources,
  };
  // Tags pad each resource so the whole reaches the size asked for.
  const bare = JSON.stringify(template, null, 2).length;
  const perResource = Math.max(0, Math.floor((targetBytes - bare) / resourceCount) - 40);
  for (const r of resources as Array<Record<string, unknown>>) r.tags = { owner: 'platform-team', notes: 'x'.repeat(perResource) };
  return JSON.stringify(template, null, 2);
}

/** The private endpoints of a loop template: every 50th asks for a group id the hub does not offer. */
function endpoints(count: number): Array<{ name: string; groupId: string }> {
  return Array.from({ length: count }, (_, i) => ({ name: `site${i}`, groupId: i % 50 === 7 ? 'iotHubs' : 'iotHub' }));
}

/** The regions of a loop template's hubs. */
const REGIONS = ['westeurope', 'northeurope', 'swedencentral', 'francecentral', 'germanywestcentral', 'uksouth', 'eastus', 'westus2', 'japaneast', 'australiaeast'];

/**
 * A template whose private endpoints come from a copy loop over a known list of `count` sites, as Azure Verified
 * Modules write them: each endpoint asks one of ten hubs (a copy loop over regions, each restricting its egress)
 * for the group id of its site.
 */
export function generateLoopTemplate(count: number): string {
  const site = "parameters('endpoints')[copyIndex()]";
  const region = "parameters('regions')[copyIndex()]";
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      regions: { type: 'array', defaultValue: REGIONS },
      endpoints: { type: 'array', defaultValue: endpoints(count) },
      subnetId: { type: 'string' },
    },
    resources: [
      {
        type: 'Microsoft.Devices/IotHubs',
        apiVersion: '2023-06-30',
        name: `[format('contoso-{0}', ${region})]`,
        location: `[${region}]`,
        copy: { name: 'hubs', count: "[length(parameters('regions'))]" },
        sku: { name: 'S1', capacity: 1 },
        properties: {
          publicNetworkAccess: 'Disabled',
          restrictOutboundNetworkAccess: true,
          allowedFqdnList: [`[format('iothub-ns-contoso-{0}.servicebus.windows.net', ${region})]`],
          eventHubEndpoints: { events: { endpoint: `[format('sb://iothub-ns-contoso-{0}.servicebus.windows.net/', ${region})]` } },
        },
      },
      {
        type: 'Microsoft.Network/privateEndpoints',
        apiVersion: '2023-09-01',
        name: `[format('pe-{0}', ${site}.name)]`,
        location: "[parameters('regions')[mod(copyIndex(), length(parameters('regions')))]]",
        copy: { name: 'endpoints', count: "[length(parameters('endpoints'))]" },
        properties: {
          subnet: { id: "[parameters('subnetId')]" },
          privateLinkServiceConnections: [
            {
              name: `[format('pe-{0}', ${site}.name)]`,
              properties: {
                privateLinkServiceId: "[resourceId('Microsoft.Devices/IotHubs', format('contoso-{0}', parameters('regions')[mod(copyIndex(), length(parameters('regions')))]))]",
                groupIds: [`[${site}.groupId]`],
              },
            },
          ],
        },
      },
    ],
  };
  return JSON.stringify(template, null, 2);
}

/** The deployment of `generateLoopTemplate`, written in Bicep. */
export function generateLoopBicep(count: number): string {
  const list = endpoints(count)
    .map((e) => `  { name: '${e.name}', groupId: '${e.groupId}' }`)
    .join('\n');
  return `param regions array = [ ${REGIONS.map((r) => `'${r}'`).join(', ')} ]
param endpoints array = [
${list}
]
param subnetId string

resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'contoso-\${region}'
  location: region
  sku: { name: 'S1', capacity: 1 }
  properties: {
    publicNetworkAccess: 'Disabled'
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [ 'iothub-ns-contoso-\${region}.servicebus.windows.net' ]
    eventHubEndpoints: { events: { endpoint: 'sb://iothub-ns-contoso-\${region}.servicebus.windows.net/' } }
  }
}]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2023-09-01' = [for (endpoint, i) in endpoints: {
  name: 'pe-\${endpoint.name}'
  location: regions[i % length(regions)]
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'pe-\${endpoint.name}'
        properties: {
          privateLinkServiceId: hubs[i % length(regions)].id
          groupIds: [ endpoint.groupId ]
        }
      }
    ]
  }
}]
`;
}
