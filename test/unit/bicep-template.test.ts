import * as assert from 'assert';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { memoryHost } from '../../server/src/core/host';
import { loadBicep } from '../../server/src/core/frontends/bicep/template';
import { MAX_LOOP_INSTANCES, MAX_LOOP_INSTANCES_TOTAL } from '../../server/src/core/frontends/loops';
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

  it('leaves out resources whose condition is false, with what they declare; keeps those it cannot tell; one instance for a loop over an unknown list', () => {
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

  it('unrolls resource loops over known lists: one instance per item, with its item, index and condition', () => {
    const resources = load(`
param regions array = ['westeurope', 'northeurope']
var accounts = [
  { name: 'alpha', enabled: true }
  { name: 'beta', enabled: false }
  { name: 'gamma', enabled: maybe }
]
param maybe bool
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'contoso-\${region}'
  location: region
}]
resource numbered 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (region, i) in regions: {
  name: 'st\${i}\${take(region, 4)}'
}]
resource ranged 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(1, 2): {
  name: 'range\${i}'
}]
// The condition is read for each item: false leaves the item out, unknown keeps it.
resource conditional 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (account, i) in accounts: if (account.enabled) {
  name: '\${account.name}\${i}'
}]
resource none 'Microsoft.Storage/storageAccounts@2023-01-01' = [for x in []: {
  name: x
}]
`);
    assert.deepStrictEqual(summary(resources), [
      'Microsoft.Devices/IotHubs contoso-westeurope',
      'Microsoft.Devices/IotHubs contoso-northeurope',
      'Microsoft.Storage/storageAccounts st0west',
      'Microsoft.Storage/storageAccounts st1nort',
      'Microsoft.Storage/storageAccounts range1',
      'Microsoft.Storage/storageAccounts range2',
      'Microsoft.Storage/storageAccounts alpha0',
      'Microsoft.Storage/storageAccounts gamma2',
    ]);
    assert.strictEqual(text(prop(resources[1], 'location')), 'northeurope');
    // Every instance is written at the declaration: findings of several are one.
    assert.strictEqual(resources[0].nameLoc.offset, resources[1].nameLoc.offset);
    assert.deepStrictEqual([resources[0].symbol, resources[1].symbol], ['hubs', 'hubs']);
    // An item of a list that a parameter gives depends on it, as the list does; none gets an origin (no fix writes through a loop's item).
    const location = prop(resources[0], 'location');
    assert.ok(location?.input && !location.origin);
  });

  it('names the instance an index picks, in references, parent: and scope:; an unknown index reads unknown values, the same twice', () => {
    const main = `
param regions array = ['westeurope', 'northeurope']
param which int
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'contoso-\${region}'
}]
resource certificates 'Microsoft.Devices/IotHubs/certificates@2023-06-30' = [for (region, i) in regions: {
  parent: hubs[i]
  name: 'cert-\${i}'
}]
resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for i in range(0, length(regions)): {
  name: guid(hubs[i].id)
  scope: hubs[length(regions) - 1 - i]
  properties: {
    principalId: hubs[i].identity.principalId
  }
  dependsOn: [hubs]
}]
resource reader 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'reader'
  properties: {
    first: hubs[0].id
    firstName: hubs[0].name
    secondHost: hubs[1].properties.hostName
    past: hubs[2].name
    unknownId: hubs[which].id
    unknownIdAgain: hubs[which].id
    unknownHost: hubs[which].properties.hostName
    unknownHostAgain: hubs[which].properties.hostName
    unknownName: hubs[which].name
    unknownKeys: hubs[which].listKeys()
    whole: hubs
  }
  dependsOn: [hubs]
}
`;
    const resources = load(main);
    assert.deepStrictEqual(summary(resources.filter((r) => r.type.endsWith('certificates'))), [
      'Microsoft.Devices/IotHubs/certificates contoso-westeurope/cert-0',
      'Microsoft.Devices/IotHubs/certificates contoso-northeurope/cert-1',
    ]);
    const assignments = resources.filter((r) => r.type.endsWith('roleAssignments'));
    const principal = (r: Resource) => {
      const v = prop(r, 'properties.principalId');
      return v?.kind === 'runtime' ? `${text(v.ref.names[0])} ${v.path.join('.')}` : v?.kind;
    };
    assert.deepStrictEqual(assignments.map(principal), ['contoso-westeurope identity.principalId', 'contoso-northeurope identity.principalId']);
    assert.deepStrictEqual(assignments.map((r) => r.extensionOf && text(r.extensionOf.names[0])), ['contoso-northeurope', 'contoso-westeurope']);

    const reader = resources.find((r) => displayName(r) === 'reader')!;
    const read = (key: string) => prop(reader, `properties.${key}`);
    assert.strictEqual(idOf(read('first')), '/subscriptions/?/resourceGroups/?/providers/Microsoft.Devices/IotHubs/contoso-westeurope');
    assert.strictEqual(text(read('firstName')), 'contoso-westeurope');
    assert.strictEqual(text(read('secondHost')), 'contoso-northeurope.azure-devices.net');
    // Past the end, and through an index that is not known: unknown, never another instance.
    assert.strictEqual(read('past')?.kind, 'unknown');
    for (const key of ['unknownId', 'unknownHost', 'unknownName', 'unknownKeys', 'whole']) assert.strictEqual(read(key)?.kind, 'unknown', key);
    const keyOf = (key: string) => {
      const v = read(key);
      return v?.kind === 'unknown' ? v.key : undefined;
    };
    assert.ok(keyOf('unknownId') !== undefined && keyOf('unknownId') === keyOf('unknownIdAgain'));
    assert.ok(keyOf('unknownHost') !== undefined && keyOf('unknownHost') === keyOf('unknownHostAgain'));
    assert.notStrictEqual(keyOf('unknownHost'), keyOf('unknownName'));
    // The value is reported where it is read.
    const host = read('unknownHost')!;
    assert.strictEqual(main.slice(host.loc!.offset, host.loc!.offset + host.loc!.length), 'hubs[which].properties.hostName');
  });

  it('declares a resource nested in a looped body once per instance, each seeing its instance\'s item', () => {
    const resources = load(`
var accounts = ['alpha', 'beta']
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (account, i) in accounts: {
  name: account
  resource blobs 'blobServices' = {
    name: 'default'
    resource containers 'containers' = [for c in ['in', 'out']: {
      name: '\${account}-\${c}-\${i}'
    }]
  }
}]
resource reader 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'reader'
  properties: {
    blobs: storage[1]::blobs.id
    unknown: storage[length(accounts) + 1]::blobs.id
  }
}
`);
    assert.deepStrictEqual(summary(resources), [
      'Microsoft.Storage/storageAccounts alpha',
      'Microsoft.Storage/storageAccounts beta',
      'Microsoft.Storage/storageAccounts/blobServices alpha/default',
      'Microsoft.Storage/storageAccounts/blobServices beta/default',
      'Microsoft.Storage/storageAccounts/blobServices/containers alpha/default/alpha-in-0',
      'Microsoft.Storage/storageAccounts/blobServices/containers alpha/default/alpha-out-0',
      'Microsoft.Storage/storageAccounts/blobServices/containers beta/default/beta-in-1',
      'Microsoft.Storage/storageAccounts/blobServices/containers beta/default/beta-out-1',
      'Microsoft.Network/privateEndpoints reader',
    ]);
    const reader = resources[resources.length - 1];
    assert.strictEqual(idOf(prop(reader, 'properties.blobs')), '/subscriptions/?/resourceGroups/?/providers/Microsoft.Storage/storageAccounts/beta/blobServices/default');
    assert.strictEqual(prop(reader, 'properties.unknown')?.kind, 'unknown');
  });

  it('keeps one instance for a loop past the bounds: over a longer list, or once the analysis has unrolled its share', () => {
    const list = (n: number) => `[${Array.from({ length: n }, (_, i) => `'i${i}'`).join(', ')}]`;
    const [long, ...fits] = load(`
resource long 'Microsoft.Storage/storageAccounts@2023-01-01' = [for x in ${list(MAX_LOOP_INSTANCES + 1)}: {
  name: x
}]
resource fits 'Microsoft.Storage/storageAccounts@2023-01-01' = [for x in ${list(MAX_LOOP_INSTANCES)}: {
  name: x
}]
`);
    assert.strictEqual(fits.length, MAX_LOOP_INSTANCES);
    const name = long.names[0];
    assert.ok(name.kind === 'unknown' && name.key !== undefined);
    // Loops that a module loop deploys share the bound with the file.
    const loops = MAX_LOOP_INSTANCES_TOTAL / MAX_LOOP_INSTANCES;
    const resources = load(
      `
module many 'many.bicep' = [for i in range(0, ${loops}): {
  name: 'many\${i}'
  params: { prefix: 'm\${i}' }
}]
resource past 'Microsoft.Storage/storageAccounts@2023-01-01' = [for x in ['a', 'b']: {
  name: x
}]
`,
      { '/t/many.bicep': `param prefix string\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, ${MAX_LOOP_INSTANCES} - 1): {\n  name: '\${prefix}-\${i}'\n}]\n` },
    );
    // The file's own loops come first: the module's loops are unrolled with what is left of the bound, until it runs out.
    assert.deepStrictEqual(summary(resources.slice(0, 2)), ['Microsoft.Storage/storageAccounts a', 'Microsoft.Storage/storageAccounts b']);
    assert.strictEqual(resources.length, 2 + (loops - 1) * (MAX_LOOP_INSTANCES - 1) + 1);
    assert.strictEqual(displayName(resources[resources.length - 1]), `m${loops - 1}-…`);
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

  it('deploys a module loop over a known list once per item: its parameters, name, scope and deployment its own', () => {
    const main = `
param which int
var endpoints = [
  { name: 'alpha', group: 'iotHub', rg: 'rg-a' }
  { name: 'beta', group: 'notAGroup', rg: 'rg-b' }
  { name: 'gamma', group: 'iotHub', rg: 'rg-c', skip: true }
]
module endpoint 'endpoint.bicep' = [for (e, i) in endpoints: if (!(e.?skip ?? false)) {
  name: 'pe-\${e.name}'
  scope: resourceGroup(e.rg)
  params: {
    name: '\${e.name}-pe'
    groupIds: [e.group]
    subnets: [for s in range(0, i + 1): 'subnet\${s}']
  }
}]
resource reader 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'reader'
  properties: {
    second: endpoint[1].outputs.id
    secondName: endpoint[1].name
    unknown: endpoint[which].outputs.id
    unknownAgain: endpoint[which].outputs.id
    unknownName: endpoint[which].name
    whole: endpoint
  }
}
`;
    const resources = load(main, {
      '/t/endpoint.bicep': `
param name string
param groupIds array
param subnets array
// Given by no caller: unknown in each deployment, known by that deployment.
param unset string
resource ep 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: name
  properties: {
    groupIds: groupIds
    deployedBy: deployment().name
    where: unset
  }
}
// A loop in a module deployed in a loop: over each deployment's own list.
resource subnets 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = [for s in subnets: {
  name: 'vnet/\${s}-\${name}'
}]
output id string = ep.id
`,
    });
    const endpoints = resources.filter((r) => r.type === 'Microsoft.Network/privateEndpoints' && r.doc === '/t/endpoint.bicep');
    assert.deepStrictEqual(endpoints.map(displayName), ['alpha-pe', 'beta-pe']);
    assert.deepStrictEqual(endpoints.map((r) => text(r.scope.resourceGroup)), ['rg-a', 'rg-b']);
    assert.deepStrictEqual(endpoints.map((r) => text(prop(r, 'properties.deployedBy'))), ['pe-alpha', 'pe-beta']);
    const groups = endpoints.map((r) => prop(r, 'properties.groupIds'));
    assert.deepStrictEqual(groups.map((g) => (g?.kind === 'array' ? g.items.map(text) : g?.kind)), [['iotHub'], ['notAGroup']]);
    // The group id is reported where the list gives it.
    const beta = groups[1]?.kind === 'array' ? groups[1].items[0] : undefined;
    assert.strictEqual(main.slice(beta!.loc!.offset, beta!.loc!.offset + beta!.loc!.length), "'notAGroup'");
    // Deployments of their own: what is unknown in one is not the same as in the other.
    const where = endpoints.map((r) => prop(r, 'properties.where'));
    assert.ok(where.every((w) => w?.kind === 'unknown' && w.key !== undefined));
    assert.notStrictEqual(where[0]?.kind === 'unknown' && where[0].key, where[1]?.kind === 'unknown' && where[1].key);
    assert.deepStrictEqual(summary(resources.filter((r) => r.type.endsWith('subnets'))), [
      'Microsoft.Network/virtualNetworks/subnets vnet/subnet0-alpha-pe',
      'Microsoft.Network/virtualNetworks/subnets vnet/subnet0-beta-pe',
      'Microsoft.Network/virtualNetworks/subnets vnet/subnet1-beta-pe',
    ]);

    const reader = resources.find((r) => displayName(r) === 'reader')!;
    const read = (key: string) => prop(reader, `properties.${key}`);
    assert.strictEqual(idOf(read('second')), '/subscriptions/?/resourceGroups/rg-b/providers/Microsoft.Network/privateEndpoints/beta-pe');
    assert.strictEqual(text(read('secondName')), 'pe-beta');
    for (const key of ['unknown', 'unknownName', 'whole']) assert.strictEqual(read(key)?.kind, 'unknown', key);
    const unknownKey = (key: string) => {
      const v = read(key);
      return v?.kind === 'unknown' ? v.key : undefined;
    };
    assert.ok(unknownKey('unknown') !== undefined && unknownKey('unknown') === unknownKey('unknownAgain'));
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

  it('deploys ARM templates as modules and reads their outputs (by name without regard to case); leaves registry modules out', () => {
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
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  properties: {
    allowedFqdnList: [arm.outputs.blobHost, arm.outputs['BLOBHOST'], arm.outputs.missing]
  }
}
`,
      {
        '/t/storage.json': JSON.stringify({
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          parameters: { accountName: { type: 'string' } },
          resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[parameters('accountName')]" }],
          outputs: { blobHost: { type: 'string', value: "[format('{0}.blob.{1}', parameters('accountName'), environment().suffixes.storage)]" } },
        }),
      },
    );
    assert.deepStrictEqual(summary(resources), ['Microsoft.Devices/IotHubs contoso-hub', 'Microsoft.Storage/storageAccounts fromBicep']);
    assert.strictEqual(resources[1].source, 'arm');
    const list = prop(resources[0], 'properties.allowedFqdnList');
    assert.ok(list?.kind === 'array');
    // An output the template does not have is unknown.
    assert.deepStrictEqual(list.items.map((v) => text(v) ?? v.kind), ['fromBicep.blob.core.windows.net', 'fromBicep.blob.core.windows.net', 'unknown']);
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
