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
