import * as assert from 'assert';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { memoryHost } from '../../server/src/core/host';
import { loadBicep } from '../../server/src/core/frontends/bicep/template';
import { formatResourceId } from '../../server/src/core/model/ids';
import { displayName, prop, Resource } from '../../server/src/core/model/resource';
import { asObject, asString, Value } from '../../server/src/core/model/values';

/** Loads `/t/main.bicep` with the other files given (modules, a parameters file). */
function load(main: string, files: Record<string, string> = {}, parameters?: string): Resource[] {
  const all: Record<string, string> = { '/t/main.bicep': main, ...files };
  return loadBicep(
    { id: '/t/main.bicep', text: main },
    { cloud: DEFAULT_CLOUD, host: memoryHost(all), parameters: parameters ? { id: parameters, text: all[parameters] } : undefined },
  ).resources;
}

/** A property's value as written, null included (`prop` reads null as absent). */
const writtenAt = (resource: Resource, path: string, key: string) => asObject(prop(resource, path))?.raw(key);
const summary = (resources: Resource[]) => resources.map((r) => `${r.type} ${displayName(r)}${r.existing ? ' (existing)' : ''}`);
const text = (v: Value | undefined) => asString(v);
const idOf = (v: Value | undefined) => (v?.kind === 'ref' ? formatResourceId(v.ref).map((p) => p ?? '?').join('') : undefined);

describe('Bicep front-end', () => {
  it('reads resources with their full type, API version and name; children by parent: and nested in bodies', () => {
    const resources = load(`
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosodata'
  location: 'westeurope'

  resource blobs 'blobServices' = {
    name: 'default'
    resource archive 'containers' = {
      name: 'archive'
    }
  }
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource old 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  name: 'contosodata/default/old'
}
`);
    assert.deepStrictEqual(summary(resources), [
      'Microsoft.Storage/storageAccounts contosodata',
      'Microsoft.Storage/storageAccounts/blobServices contosodata/default',
      'Microsoft.Storage/storageAccounts/blobServices/containers contosodata/default/archive',
      'Microsoft.Storage/storageAccounts/queueServices contosodata/default',
      'Microsoft.Storage/storageAccounts/blobServices/containers contosodata/default/old',
    ]);
    assert.strictEqual(text(resources[0].apiVersion), '2023-01-01');
    assert.strictEqual(resources[0].symbol, 'storage');
    assert.strictEqual(text(prop(resources[0], 'location')), 'westeurope');
  });

  it('evaluates parameters, variables, interpolation and functions; a parameter without default is an unknown input', () => {
    const [hub] = load(`
param prefix string = 'Contoso'
param region string
var name = '\${toLower(prefix)}-hub'
var hosts = [for s in ['a', 'b']: '\${s}.blob.\${environment().suffixes.storage}']

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: name
  location: region
  properties: {
    allowedFqdnList: hosts
    restrictOutboundNetworkAccess: length(hosts) > 1 ? true : false
  }
}
`);
    assert.strictEqual(displayName(hub), 'contoso-hub');
    const location = prop(hub, 'location');
    assert.strictEqual(location?.kind, 'unknown');
    assert.strictEqual(location?.input, true);
    const list = prop(hub, 'properties.allowedFqdnList');
    assert.deepStrictEqual(list?.kind === 'array' && list.items.map(text), ['a.blob.core.windows.net', 'b.blob.core.windows.net']);
    assert.strictEqual(prop(hub, 'properties.restrictOutboundNetworkAccess')?.kind, 'boolean');
  });

  it('reads resource references as Bicep compiles them: id, name, runtime properties, listKeys()', () => {
    const resources = load(`
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosodata'
}
resource rule 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' existing = {
  name: 'ns/send'
}
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub-of-\${storage.name}'
  properties: {
    storageId: storage.id
    blob: storage.properties.primaryEndpoints.blob
    principal: hub.identity.principalId
    connection: rule.listKeys().primaryConnectionString
  }
}
`);
    const hub = resources.find((r) => r.type === 'Microsoft.Devices/IotHubs')!;
    assert.strictEqual(displayName(hub), 'hub-of-contosodata');
    assert.match(idOf(prop(hub, 'properties.storageId'))!, /\/providers\/Microsoft\.Storage\/storageAccounts\/contosodata$/);
    assert.strictEqual(text(prop(hub, 'properties.blob')), 'https://contosodata.blob.core.windows.net/');
    const principal = prop(hub, 'properties.principal');
    assert.deepStrictEqual(principal?.kind === 'runtime' && [principal.ref.type, principal.via, principal.path], ['Microsoft.Devices/IotHubs', 'full', ['identity', 'principalId']]);
    const connection = prop(hub, 'properties.connection');
    assert.ok(connection?.kind === 'unknown' && connection.parts?.[0] === 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=');
    assert.strictEqual(resources.find((r) => r.type.endsWith('authorizationRules'))?.existing, true);
  });

  it('reads scope: as the resource an extension resource applies to, or a deployment scope elsewhere', () => {
    const resources = load(`
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosodata'
}
resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid('x')
  scope: storage
  properties: {}
}
resource elsewhere 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'shared'
  scope: resourceGroup('platform-rg')
}
`);
    const assignment = resources.find((r) => r.type.endsWith('roleAssignments'))!;
    assert.strictEqual(assignment.extensionOf?.type, 'Microsoft.Storage/storageAccounts');
    assert.strictEqual(text(assignment.extensionOf?.names[0]), 'contosodata');
    assert.strictEqual(text(resources.find((r) => displayName(r) === 'shared')?.scope.resourceGroup), 'platform-rg');
  });

  it('leaves out resources whose condition is false, with what they declare; keeps those it cannot tell; one instance per loop', () => {
    const resources = load(`
param deployArchive bool = false
param maybe bool
param names array

resource archive 'Microsoft.Storage/storageAccounts@2023-01-01' = if (deployArchive) {
  name: 'archive'
  resource blobs 'blobServices' = {
    name: 'default'
  }
}
resource optional 'Microsoft.Storage/storageAccounts@2023-01-01' = if (maybe) {
  name: 'optional'
}
resource many 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (n, i) in names: {
  name: '\${n}\${i}'
}]
`);
    assert.deepStrictEqual(summary(resources), ['Microsoft.Storage/storageAccounts optional', 'Microsoft.Storage/storageAccounts …']);
    // The loop's item and index are unknown values known by their key, the same at every read.
    const name = resources[1].names[0];
    assert.ok(name.kind === 'unknown' && name.key !== undefined);
  });

  it('deploys Bicep modules with the parameters they are given, at their scope, and reads their outputs', () => {
    const resources = load(
      `
module hubModule 'modules/hub.bicep' = {
  name: 'hub'
  scope: resourceGroup('iot-rg')
  params: {
    hubName: 'contoso-hub'
  }
}
resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid('a')
  properties: {
    principalId: hubModule.outputs.principalId
  }
}
`,
      {
        '/t/modules/hub.bicep': `
param hubName string
param allowed string[]?
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  properties: {
    allowedFqdnList: allowed
  }
}
output principalId string = hub.identity.principalId
`,
      },
    );
    const hub = resources.find((r) => r.type === 'Microsoft.Devices/IotHubs')!;
    assert.strictEqual(displayName(hub), 'contoso-hub');
    assert.strictEqual(hub.doc, '/t/modules/hub.bicep');
    assert.strictEqual(text(hub.scope.resourceGroup), 'iot-rg');
    // A nullable parameter the caller does not give is null, not unknown; the property it sets reads as absent.
    assert.strictEqual(writtenAt(hub, 'properties', 'allowedFqdnList')?.kind, 'null');
    assert.strictEqual(prop(hub, 'properties.allowedFqdnList'), undefined);
    const principal = prop(resources.find((r) => r.type.endsWith('roleAssignments'))!, 'properties.principalId');
    assert.ok(principal?.kind === 'runtime' && principal.ref.type === 'Microsoft.Devices/IotHubs' && text(principal.ref.names[0]) === 'contoso-hub');
  });

  it('deploys a module into a resource group that a subscription-level file declares', () => {
    const resources = load(
      `
targetScope = 'subscription'
resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'iot-rg'
  location: 'westeurope'
}
module hubModule 'hub.bicep' = {
  name: 'hub'
  scope: rg
}
`,
      { '/t/hub.bicep': "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {\n  name: 'contoso-hub'\n}\n" },
    );
    const hub = resources.find((r) => r.type === 'Microsoft.Devices/IotHubs')!;
    assert.strictEqual(text(hub.scope.resourceGroup), 'iot-rg');
  });

  it('reads compile-time imports of variables, by name and through a namespace; reports a module output where it is read', () => {
    const main = `
import { hosts as allowed } from 'shared.bicep'
import * as shared from 'shared.bicep'
module m 'out.bicep' = {
  name: 'm'
}
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: shared.hubName
  properties: {
    allowedFqdnList: allowed
    fromModule: m.outputs.value
    fromModuleByIndex: m.outputs['value']
  }
}
`;
    const resources = load(main, {
      '/t/shared.bicep': "@export()\nvar hosts = [\n  'a.example.com'\n]\n@export()\nvar hubName = 'shared-hub'\n",
      '/t/out.bicep': "output value string = 'from-module'\n",
    });
    const hub = resources.find((r) => r.type === 'Microsoft.Devices/IotHubs')!;
    assert.strictEqual(displayName(hub), 'shared-hub');
    const list = prop(hub, 'properties.allowedFqdnList');
    assert.ok(list?.kind === 'array' && text(list.items[0]) === 'a.example.com' && list.items[0].loc?.doc === '/t/shared.bicep');
    for (const key of ['fromModule', 'fromModuleByIndex']) {
      const value = prop(hub, `properties.${key}`)!;
      assert.strictEqual(text(value), 'from-module');
      assert.strictEqual(main.slice(value.loc!.offset, value.loc!.offset + value.loc!.length), key === 'fromModule' ? 'm.outputs.value' : "m.outputs['value']");
    }
  });

  it('reads the files loadTextContent() and loadJsonContent() name, as the compiler does', () => {
    const [script] = load(
      `
resource script 'Microsoft.Kusto/clusters/databases/scripts@2023-08-15' = {
  name: 'adx/db/callouts'
  properties: {
    scriptContent: loadTextContent('scripts/callouts.kql')
    missing: loadTextContent('scripts/absent.kql')
    settings: loadJsonContent('settings.json').egress.hosts
  }
}
`,
      { '/t/scripts/callouts.kql': '.alter cluster policy callout @\'[]\'', '/t/settings.json': '{ "egress": { "hosts": ["a.example.com"] } }' },
    );
    assert.strictEqual(text(prop(script, 'properties.scriptContent')), ".alter cluster policy callout @'[]'");
    assert.strictEqual(prop(script, 'properties.missing')?.kind, 'unknown');
    const hosts = prop(script, 'properties.settings');
    assert.ok(hosts?.kind === 'array' && text(hosts.items[0]) === 'a.example.com');
  });

  it('evaluates user-defined functions, of the file and imported, and map, filter, reduce and toObject over known lists', () => {
    const [hub] = load(
      `
import { blobHost } from 'lib.bicep'
func queueHost(account string) string => '\${account}.queue.\${environment().suffixes.storage}'
var accounts = ['a', 'b', 'skip']
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub'
  properties: {
    mapped: map(filter(accounts, a => a != 'skip'), a => blobHost(a))
    own: queueHost('c')
    joined: reduce(accounts, '', (sum, a) => '\${sum}\${a}')
    byName: toObject(accounts, a => a, a => length(a))
    unknownFilter: filter(accounts, a => contains(unknownParam, a))
  }
}
param unknownParam array
`,
      { '/t/lib.bicep': "@export()\nfunc blobHost(account string) string => '\${account}.blob.\${environment().suffixes.storage}'\n" },
    );
    const mapped = prop(hub, 'properties.mapped');
    assert.deepStrictEqual(mapped?.kind === 'array' && mapped.items.map(text), ['a.blob.core.windows.net', 'b.blob.core.windows.net']);
    assert.strictEqual(text(prop(hub, 'properties.own')), 'c.queue.core.windows.net');
    assert.strictEqual(text(prop(hub, 'properties.joined')), 'abskip');
    const byName = prop(hub, 'properties.byName.skip');
    assert.ok(byName?.kind === 'number' && byName.value === 4);
    assert.strictEqual(prop(hub, 'properties.unknownFilter')?.kind, 'unknown');
  });

  it('deploys ARM templates as modules, and leaves registry modules out', () => {
    const resources = load(
      `
module arm 'storage.json' = {
  name: 'storage'
  params: {
    accountName: 'fromBicep'
  }
}
module registry 'br/public:avm/res/storage/storage-account:0.9.0' = {
  name: 'registry'
}
`,
      {
        '/t/storage.json': JSON.stringify({
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          parameters: { accountName: { type: 'string' } },
          resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[parameters('accountName')]" }],
        }),
      },
    );
    assert.deepStrictEqual(summary(resources), ['Microsoft.Storage/storageAccounts fromBicep']);
    assert.strictEqual(resources[0].source, 'arm');
  });

  it('takes parameters from a .bicepparam file or an ARM parameters file; Key Vault secrets stay unknown', () => {
    const main = `
param hubName string
param secret string
param optional string?
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: hubName
  properties: {
    s: secret
    o: optional
  }
}
`;
    const fromBicepParam = load(main, { '/t/main.bicepparam': "using 'main.bicep'\nparam hubName = 'from-bicepparam'\nparam secret = az.getSecret('sub', 'rg', 'kv', 'name')\n" }, '/t/main.bicepparam');
    assert.strictEqual(displayName(fromBicepParam[0]), 'from-bicepparam');
    assert.strictEqual(prop(fromBicepParam[0], 'properties.s')?.kind, 'unknown');
    assert.strictEqual(writtenAt(fromBicepParam[0], 'properties', 'o')?.kind, 'null');
    const fromJson = load(main, { '/t/main.parameters.json': JSON.stringify({ parameters: { hubName: { value: 'from-json' } } }) }, '/t/main.parameters.json');
    assert.strictEqual(displayName(fromJson[0]), 'from-json');
    assert.strictEqual(writtenAt(fromJson[0], 'properties', 'o')?.kind, 'null');
    // Without a parameters file, a nullable parameter is null all the same (as if null were its default); one without a default stays unknown.
    const alone = load(main);
    assert.strictEqual(writtenAt(alone[0], 'properties', 'o')?.kind, 'null');
    assert.strictEqual(prop(alone[0], 'properties.s')?.kind, 'unknown');
  });

  it('gives origins to literals written in a resource body, not to values read through variables or computed', () => {
    const [hub] = load(`
var fromVariable = true
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub'
  properties: {
    restrictOutboundNetworkAccess: true
    viaVariable: fromVariable
    computed: 1 == 1
    allowedFqdnList: [
      'a.example.com'
    ]
  }
}
`);
    assert.strictEqual(prop(hub, 'properties.restrictOutboundNetworkAccess')?.origin?.writer, 'bicep');
    assert.strictEqual(prop(hub, 'properties.viaVariable')?.origin, undefined);
    assert.strictEqual(prop(hub, 'properties.computed')?.origin, undefined);
    assert.strictEqual(prop(hub, 'properties.allowedFqdnList')?.origin?.writer, 'bicep');
    assert.strictEqual(hub.body.origin?.writer, 'bicep');
  });

  it('treats an object with an unknown spread as open: a key it does not hold may be there', () => {
    const [hub] = load(`
param extra object
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub'
  properties: {
    ...extra
    minTlsVersion: '1.2'
  }
}
`);
    assert.strictEqual(text(prop(hub, 'properties.minTlsVersion')), '1.2');
    assert.strictEqual(prop(hub, 'properties.publicNetworkAccess')?.kind, 'unknown');
    assert.strictEqual(prop(hub, 'sku'), undefined);
  });

  it('evaluates operators, nameof(), null-coalescing and safe access', () => {
    const [r] = load(`
var config = { name: 'cfg', nested: { value: 3 } }
resource r 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: nameof(config)
  properties: {
    sum: config.nested.value * 2 + 1
    missing: config.?absent ?? 'fallback'
    same: 'ABC' =~ 'abc'
    different: 'ABC' != 'abc'
    negated: !(1 < 2)
  }
}
`);
    assert.strictEqual(displayName(r), 'config');
    assert.deepStrictEqual(
      ['sum', 'missing', 'same', 'different', 'negated'].map((k) => {
        const v = prop(r, `properties.${k}`);
        return v && 'value' in v ? v.value : v?.kind;
      }),
      [7, 'fallback', true, true, false],
    );
  });

  it('never throws: broken declarations keep what parsed, cycles are unknown', () => {
    const resources = load(`
var a = b
var b = a
resource broken 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: a
  properties: {
resource after 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'after'
}
resource self 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: self
  name: 'default'
}
`);
    assert.ok(summary(resources).includes('Microsoft.Storage/storageAccounts after'));
    assert.strictEqual(resources.find((r) => r.symbol === 'broken')?.names[0].kind, 'unknown');
  });
});
