/**
 * An unknown value made by the same expression from the same inputs is equal to itself wherever it appears: names,
 * hosts and ids built from it relate resources across a template, its deployments and the files analysed with it.
 */
import * as assert from 'assert';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { connectionStringTarget, displayHost, entryHostName, HostName, hostNameOfUri, knownHost, mayBeSameHost, serviceOfHostName } from '../../server/src/core/azure/hosts';
import { evaluate } from '../../server/src/core/evaluate/evaluator';
import { parseExpression } from '../../server/src/core/evaluate/expression';
import { loadArmTemplate } from '../../server/src/core/frontends/arm/template';
import { loadBicep } from '../../server/src/core/frontends/bicep/template';
import { memoryHost } from '../../server/src/core/host';
import { Resource } from '../../server/src/core/model/resource';
import { joinValues, nameKey, sameValue, str, unknown, Value } from '../../server/src/core/model/values';
import { armScope } from '../support/scope';
import { innerDeployment } from '../support/templates';

const TEMPLATE = `{
  "parameters": {
    "prefix": { "type": "string", "defaultValue": "Contoso" },
    "account": { "type": "string" },
    "other": { "type": "string" }
  },
  "variables": {
    "storageName": "[concat('st', uniqueString(resourceGroup().id))]"
  }
}`;

const scope = armScope(TEMPLATE);

const ev = (expression: string): Value => evaluate(parseExpression(expression), scope, undefined);
const host = (expression: string): HostName | undefined => hostNameOfUri(ev(expression));
const entry = (expression: string): HostName => entryHostName(ev(expression))!;

describe('unknown values made by the same expression', () => {
  it('are equal however the string is built: by variable, written again, through concat, format and interpolation', () => {
    const byVariable = ev("variables('storageName')");
    assert.strictEqual(byVariable.kind, 'unknown');
    for (const again of ["concat('st', uniqueString(resourceGroup().id))", "format('st{0}', uniqueString(resourceGroup().id))", "concat('s', concat('t', uniqueString(resourceGroup().id)))"]) {
      assert.strictEqual(sameValue(byVariable, ev(again)), true, again);
    }
    // One keyed piece alone is that value, exactly: the same input to guid().
    assert.strictEqual(sameValue(ev("guid(concat(parameters('account')))"), ev("guid(parameters('account'))")), true);
  });

  it('make the same resource id, as a reference and as a string', () => {
    const byVariable = "resourceId('Microsoft.Storage/storageAccounts', variables('storageName'))";
    const again = "resourceId('Microsoft.Storage/storageAccounts', concat('st', uniqueString(resourceGroup().id)))";
    assert.strictEqual(sameValue(ev(`guid(${byVariable}, 'role')`), ev(`guid(${again}, 'role')`)), true);
    assert.strictEqual(sameValue(ev(`concat(${byVariable}, '/blobServices/default')`), ev(`format('{0}/blobServices/default', ${again})`)), true);
    assert.strictEqual(sameValue(ev(`string(${byVariable})`), ev(`concat(${again})`)), true);
  });

  it("compare known text as names compare, without regard to case, but keep the case of what guid() and uniqueString() are given", () => {
    assert.strictEqual(sameValue(ev("concat('ST', uniqueString('x'))"), ev("concat('st', uniqueString('x'))")), true);
    assert.notStrictEqual(sameValue(ev("uniqueString('A')"), ev("uniqueString('a')")), true);
    assert.notStrictEqual(sameValue(ev("uniqueString(concat('A', parameters('account')))"), ev("uniqueString(concat('a', parameters('account')))")), true);
    // guid() and uniqueString() of the same inputs are different values.
    assert.notStrictEqual(sameValue(ev("guid('a')"), ev("uniqueString('a')")), true);
  });

  it('read toLower() of what guid() and uniqueString() return as that value, and toLower() or toUpper() of other unknowns as the same name', () => {
    const u = ev('uniqueString(resourceGroup().id)');
    const lower = ev('toLower(uniqueString(resourceGroup().id))');
    assert.strictEqual(lower.kind === 'unknown' && u.kind === 'unknown' && lower.key === u.key, true, 'the same value, to the letter');
    assert.strictEqual(sameValue(ev("toLower(concat('Logs', uniqueString(resourceGroup().id)))"), ev("concat('logs', uniqueString(resourceGroup().id))")), true);
    // A parameter in lower case is a value of its own (another input to guid()), but names what the parameter names.
    const p = ev("parameters('account')");
    const lowerP = ev("toLower(parameters('account'))");
    assert.notStrictEqual(lowerP.kind === 'unknown' && p.kind === 'unknown' && lowerP.key === p.key, true);
    assert.notStrictEqual(sameValue(ev("guid(toLower(parameters('account')))"), ev("guid(parameters('account'))")), true);
    assert.strictEqual(sameValue(lowerP, p), true);
    assert.strictEqual(sameValue(ev("toUpper(uniqueString('x'))"), ev("uniqueString('x')")), true);
  });

  it('keep the keys of their pieces beside a piece without one, without a key of their own', () => {
    const joined = joinValues([str('AccountName='), ev("variables('storageName')"), str(';AccountKey='), unknown()]);
    assert.strictEqual(joined.kind, 'unknown');
    assert.strictEqual(joined.kind === 'unknown' && joined.key, undefined);
    assert.strictEqual(joined.kind === 'unknown' && joined.pieces?.includes(null), true);
    assert.strictEqual(nameKey(joined), undefined);
  });

  it('are not equal for two parameters without values, each of its own deployment', () => {
    assert.notStrictEqual(sameValue(ev("parameters('account')"), ev("parameters('other')")), true);
    const nested = (name: string) =>
      innerDeployment(name, {
        parameters: { account: { type: 'string' } },
        resources: [{ type: 'Microsoft.Storage/storageAccounts', name: "[parameters('account')]" }, { type: 'Microsoft.Storage/storageAccounts', name: "[concat('st', uniqueString(resourceGroup().id))]" }],
      });
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { account: { type: 'string' } },
      resources: [{ type: 'Microsoft.Storage/storageAccounts', name: "[parameters('account')]" }, nested('one'), nested('two')],
    });
    const accounts = loadArmTemplate({ id: '/t/main.json', text }, { cloud: DEFAULT_CLOUD }).resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts');
    const [top, oneByParameter, oneByHash, twoByParameter, twoByHash] = accounts.map((r) => r.names[0]);
    assert.notStrictEqual(sameValue(top, oneByParameter), true, 'the template and its nested deployment');
    assert.notStrictEqual(sameValue(oneByParameter, twoByParameter), true, 'two nested deployments');
    // uniqueString(resourceGroup().id) in the same resource group is one value.
    assert.strictEqual(sameValue(oneByHash, twoByHash), true);
  });

  it('are equal across a Bicep file and its modules in the same resource group, and not in another', () => {
    const name = "'st${uniqueString(resourceGroup().id)}'";
    const main = `
param accountName string
resource here 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: ${name}
}
resource byParameter 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: accountName
}
module sameGroup 'storage.bicep' = {
  name: 'same'
}
module otherGroup 'storage.bicep' = {
  name: 'other'
  scope: resourceGroup('other-rg')
}
module compiled 'storage.json' = {
  name: 'compiled'
}
`;
    const files = {
      '/t/main.bicep': main,
      '/t/storage.bicep': `param accountName string\nresource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: ${name}\n}\nresource byParameter 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: accountName\n}\n`,
      '/t/storage.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        resources: [{ type: 'Microsoft.Storage/storageAccounts', name: "[format('st{0}', uniqueString(resourceGroup().id))]" }],
      }),
    };
    const resources: Resource[] = loadBicep({ id: '/t/main.bicep', text: main }, { cloud: DEFAULT_CLOUD, host: memoryHost(files) }).resources;
    // The names of the accounts a file deploys, to the resource group of this deployment (by name) or to the file's own (unnamed).
    const namesIn = (doc: string, group: string | undefined) =>
      resources.filter((r) => r.doc === doc && (r.scope.resourceGroup.kind === 'string' ? r.scope.resourceGroup.value : undefined) === group).map((r) => r.names[0]);
    const [here, mainParameter] = namesIn('/t/main.bicep', undefined);
    const [sameGroup, sameGroupParameter] = namesIn('/t/storage.bicep', undefined);
    const [otherGroup, otherGroupParameter] = namesIn('/t/storage.bicep', 'other-rg');
    assert.ok(here && mainParameter && sameGroupParameter && otherGroup && otherGroupParameter, 'every account is read');
    assert.strictEqual(sameValue(here, sameGroup), true, 'a module in the same resource group');
    assert.strictEqual(sameValue(here, namesIn('/t/storage.json', undefined)[0]), true, 'a compiled template as a module');
    assert.notStrictEqual(sameValue(here, otherGroup), true, 'a module in another resource group');
    // A parameter left without a value is the deployment's own: the file's, and each module's, may be given another.
    assert.notStrictEqual(sameValue(mainParameter, sameGroupParameter), true, 'the file and a module');
    assert.notStrictEqual(sameValue(sameGroupParameter, otherGroupParameter), true, 'two deployments of one module');
    assert.strictEqual(sameValue(mainParameter, namesIn('/t/main.bicep', undefined)[1]), true);
  });
});

describe('host names with pieces known by key', () => {
  it('are read from URIs and connection strings, known text in lower case', () => {
    const results = host("concat('https://', variables('storageName'), '.blob.core.windows.net/container')")!;
    assert.strictEqual(results.text, undefined);
    assert.strictEqual(displayHost(results), 'st….blob.core.windows.net');
    assert.strictEqual(host("concat('HTTPS://ST', uniqueString(resourceGroup().id), '.Blob.Core.Windows.Net:443/')")?.key, results.key);
    assert.strictEqual(host("concat('sb://', parameters('account'), '.servicebus.windows.net')") !== undefined, true);
    assert.strictEqual(host("'https://contoso.blob.core.windows.net/'")?.text, 'contoso.blob.core.windows.net');
    const fromConnection = connectionStringTarget(
      ev("concat('DefaultEndpointsProtocol=https;AccountName=', variables('storageName'), ';EndpointSuffix=', environment().suffixes.storage, ';AccountKey=', listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('storageName')), '2019-06-01').keys[0].value)"),
      DEFAULT_CLOUD,
    );
    assert.strictEqual(fromConnection?.host.key, results.key);
    const fromListKeys = connectionStringTarget(ev("listKeys(resourceId('Microsoft.EventHub/namespaces/authorizationRules', variables('storageName'), 'send'), '2024-01-01').primaryConnectionString"), DEFAULT_CLOUD);
    assert.strictEqual(fromListKeys && displayHost(fromListKeys.host), 'st….servicebus.windows.net');
  });

  it('are not read where an unknown piece may hold more than a name, or has no key', () => {
    // The string ends in an unknown piece: it may hold a port or a path after the host.
    assert.strictEqual(host("concat('https://', parameters('account'))"), undefined);
    assert.strictEqual(host("concat('https://', replace(parameters('account'), 'a', 'b'), '.blob.core.windows.net/')"), undefined);
  });

  it('name the storage account or namespace named by the same expression', () => {
    const service = serviceOfHostName(host("concat('https://', variables('storageName'), '.blob.core.windows.net/')")!);
    assert.strictEqual(service?.service, 'storage');
    assert.strictEqual(sameValue(service?.name, ev("variables('storageName')")), true);
    assert.strictEqual(serviceOfHostName(host("concat('sb://', parameters('prefix'), '-', guid('x'), '.servicebus.windows.net')")!)?.service, 'serviceBus');
    // Known text a storage account's name cannot have: not a storage host.
    assert.strictEqual(serviceOfHostName(host("concat('https://my.', uniqueString('x'), '.blob.core.windows.net/')")!), undefined);
  });

  it('may be an allow-list entry made by the same expression, or one whose known text fits', () => {
    const results = host("concat('https://', variables('storageName'), '.blob.core.windows.net/')")!;
    assert.strictEqual(mayBeSameHost(results, entry("concat(' ST', uniqueString(resourceGroup().id), '.blob.core.windows.net ')")), true);
    assert.strictEqual(mayBeSameHost(results, knownHost('stabc123.blob.core.windows.net')!), true);
    assert.strictEqual(mayBeSameHost(results, entry("concat(parameters('account'), '.blob.core.windows.net')")), true);
    assert.strictEqual(mayBeSameHost(results, entry("concat('st', uniqueString('other'), '.blob.core.windows.net')")), true);
    assert.strictEqual(mayBeSameHost(results, knownHost('www.bing.com')!), false);
    assert.strictEqual(mayBeSameHost(results, knownHost('contoso.blob.core.windows.net')!), false);
    assert.strictEqual(mayBeSameHost(results, entry("concat('logs', uniqueString(resourceGroup().id), '.blob.core.windows.net')")), false);
    assert.strictEqual(mayBeSameHost(results, entry("concat(uniqueString(resourceGroup().id), '.servicebus.windows.net')")), false);
  });
});
