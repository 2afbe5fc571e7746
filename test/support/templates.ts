/** Small templates with known findings, shared by the tests of the editors. */

export const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A hub whose restriction is a string (an error) and whose allow list repeats an entry (an info). */
export const HUB_WITH_FINDINGS = `    {
      "type": "Microsoft.Devices/IotHubs",
      "apiVersion": "2023-06-30",
      "name": "contoso-hub",
      "location": "westeurope",
      "sku": { "name": "S1", "capacity": 1 },
      "properties": {
        "restrictOutboundNetworkAccess": "true",
        "allowedFqdnList": ["iothub-ns-contoso-hu-1-abcdef0123.servicebus.windows.net", "a.example.com", "a.example.com"]
      }
    }`;

/** A hub that restricts egress with no allow list (a warning). */
export const HUB_WITHOUT_ALLOW_LIST = `    {
      "type": "Microsoft.Devices/IotHubs",
      "apiVersion": "2023-06-30",
      "name": "contoso-edge",
      "location": "westeurope",
      "sku": { "name": "S1", "capacity": 1 },
      "properties": { "restrictOutboundNetworkAccess": true }
    }`;

/** A deployment template holding these resources, written as people write them. */
export function deploymentTemplate(...resources: string[]): string {
  return `{
  "$schema": "${TEMPLATE_SCHEMA}",
  "contentVersion": "1.0.0.0",
  "resources": [
${resources.join(',\n')}
  ]
}
`;
}

/** Where `bicep restore` puts `br/public:avm/res/network/private-endpoint:0.12.1`, under the module cache's folder. */
export const ENDPOINT_MODULE_IN_CACHE = 'br/mcr.microsoft.com/bicep$avm$res$network$private-endpoint/0.12.1$/main.json';

/** A private endpoint module as a registry serves it, compiled: the caller gives the endpoint's name, its target and the group id. */
export const ENDPOINT_MODULE = JSON.stringify(
  {
    $schema: TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { name: { type: 'string' }, targetId: { type: 'string' }, groupId: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Network/privateEndpoints',
        apiVersion: '2023-09-01',
        name: "[parameters('name')]",
        location: 'westeurope',
        properties: {
          subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'endpoints')]" },
          privateLinkServiceConnections: [{ name: "[parameters('name')]", properties: { privateLinkServiceId: "[parameters('targetId')]", groupIds: ["[parameters('groupId')]"] } }],
        },
      },
    ],
    outputs: { name: { type: 'string', value: "[parameters('name')]" } },
  },
  null,
  2,
);

/** A hub, in Bicep, for the private endpoint module to reach (five lines). */
export const BICEP_HUB = `resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
}
`;

/** The private endpoint module deployed for the hub, asking for `groupId`; its reference starts at column 17. */
export function bicepEndpointModule(groupId: string, reference = 'br/public:avm/res/network/private-endpoint:0.12.1'): string {
  return `module endpoint '${reference}' = {
  name: 'hub-pe'
  params: {
    name: 'contoso-hub-pe'
    targetId: hub.id
    groupId: '${groupId}'
  }
}
`;
}

/** A nested deployment whose inline template is evaluated in its own scope (`inner`), with the parameters given to it. */
export function innerDeployment(name: string, template: object, parameters?: object, extra: object = {}): object {
  const properties = { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, ...(parameters ? { parameters } : {}), template };
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name, ...extra, properties };
}

/** A template of one IoT hub, `contoso-hub`, with these properties (and parameters, identity), as JSON text. */
export function hubTemplate(properties: object, extra: { parameters?: object; identity?: object } = {}): string {
  const hub = { type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'contoso-hub', location: 'westeurope', sku: { name: 'S1', capacity: 1 }, ...(extra.identity ? { identity: extra.identity } : {}), properties };
  return JSON.stringify({ $schema: TEMPLATE_SCHEMA, contentVersion: '1.0.0.0', ...(extra.parameters ? { parameters: extra.parameters } : {}), resources: [hub] });
}
