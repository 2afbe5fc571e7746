import * as assert from 'assert';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { memoryHost } from '../../server/src/core/host';
import { loadBicep } from '../../server/src/core/frontends/bicep/template';
import { bicepWriter } from '../../server/src/core/frontends/bicep/writer';
import { parseBicep } from '../../server/src/core/frontends/bicep/parser';
import { originOf } from '../../server/src/core/frontends/bicep/values';
import type * as S from '../../server/src/core/frontends/bicep/syntax';
import { applyTextEdits, ModelEdit } from '../../server/src/core/fixes/edits';
import { prop, Resource } from '../../server/src/core/model/resource';
import type { ArrayValue, ObjectValue } from '../../server/src/core/model/values';

const ID = '/t/main.bicep';

function loaded(text: string): { resources: Resource[]; write: (edits: ModelEdit[]) => string | undefined } {
  const result = loadBicep({ id: ID, text }, { cloud: DEFAULT_CLOUD, host: memoryHost({ [ID]: text }) });
  const doc = result.documents[0];
  return {
    resources: result.resources,
    write: (edits) => {
      const textEdits = bicepWriter.canWrite(doc, edits) ? bicepWriter.write(doc, edits) : undefined;
      return textEdits && applyTextEdits(text, textEdits);
    },
  };
}

const HUB = `resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  sku: { name: 'S1', capacity: 1 }
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'contosodata.blob.core.windows.net' // archive
    ]
    oneLine: ['a.example.com', 'b.example.com']
    empty: []
    emptyObject: {}
  }
}
`;

function hubParts(text = HUB) {
  const { resources, write } = loaded(text);
  const hub = resources[0];
  return {
    write,
    hub,
    properties: prop(hub, 'properties') as ObjectValue,
    list: prop(hub, 'properties.allowedFqdnList') as ArrayValue,
  };
}

const STORAGE_AND_HUB = `resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosodata'
}

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  identity: { type: 'SystemAssigned' }
}
`;

/** The edit that gives the hub's system-assigned identity Storage Blob Data Contributor on the account. */
function blobWriterFor(hub: Resource, storage: Resource): ModelEdit {
  return {
    op: 'addRoleAssignment',
    container: hub.container!,
    assignment: { principal: hub, identity: 'system', scope: storage, role: { $roleDefinition: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', roleName: 'Storage Blob Data Contributor' } },
  };
}

describe('Bicep writer', () => {
  it('adds a property on its own line at its siblings’ indentation, before the closing brace', () => {
    const { write, properties } = hubParts();
    const after = write([{ op: 'set', object: properties, key: 'publicNetworkAccess', value: 'Disabled' }]);
    assert.ok(after?.includes(`    emptyObject: {}\n    publicNetworkAccess: 'Disabled'\n  }\n}`), after);
  });

  it('replaces a value where it is written, in Bicep syntax', () => {
    const { write, properties } = hubParts();
    const after = write([{ op: 'set', object: properties, key: 'restrictOutboundNetworkAccess', value: false }]);
    assert.ok(after?.includes('    restrictOutboundNetworkAccess: false\n'), after);
    const replaced = write([{ op: 'replace', target: prop(hubParts().hub, 'properties.restrictOutboundNetworkAccess')!, value: "it's" }]);
    assert.ok(replaced?.includes(`restrictOutboundNetworkAccess: 'it\\'s'`), replaced);
  });

  it('appends to a multi-line array on a line of its own, keeping comments where they are', () => {
    const { write, list } = hubParts();
    const after = write([{ op: 'append', array: list, value: 'iothub-ns-contoso-123-abc.servicebus.windows.net' }]);
    assert.ok(after?.includes(`      'contosodata.blob.core.windows.net' // archive\n      'iothub-ns-contoso-123-abc.servicebus.windows.net'\n    ]`), after);
  });

  it('appends to a one-line array after a comma, and rewrites an empty one over lines', () => {
    const { write, hub } = hubParts();
    const oneLine = write([{ op: 'append', array: prop(hub, 'properties.oneLine') as ArrayValue, value: 'c.example.com' }]);
    assert.ok(oneLine?.includes(`oneLine: ['a.example.com', 'b.example.com', 'c.example.com']`), oneLine);
    const empty = write([{ op: 'append', array: prop(hub, 'properties.empty') as ArrayValue, value: 'c.example.com' }]);
    assert.ok(empty?.includes(`    empty: [\n      'c.example.com'\n    ]\n`), empty);
  });

  it('writes objects and arrays over lines, one level deeper than the line they start on', () => {
    const { write, hub } = hubParts();
    const after = write([{ op: 'set', object: prop(hub, 'properties.emptyObject') as ObjectValue, key: 'routes', value: [{ name: 'r', isEnabled: true }] }]);
    assert.ok(after?.includes(`    emptyObject: {\n      routes: [\n        {\n          name: 'r'\n          isEnabled: true\n        }\n      ]\n    }\n`), after);
  });

  it('adds to a one-line object after a comma, with objects and arrays on the line too', () => {
    const { write, hub } = hubParts();
    const sku = prop(hub, 'sku') as ObjectValue;
    const after = write([{ op: 'set', object: sku, key: 'tier', value: 'Standard' }]);
    assert.ok(after?.includes(`sku: { name: 'S1', capacity: 1, tier: 'Standard' }`), after);
    const nested = write([{ op: 'set', object: sku, key: 'nested', value: { a: [1, 'b'], c: {} } }]);
    assert.ok(nested?.includes(`sku: { name: 'S1', capacity: 1, nested: { a: [1, 'b'], c: {} } }`), nested);
    // A value replaced inside a one-line object stays on its line.
    const replaced = write([{ op: 'set', object: sku, key: 'name', value: { tier: 'S2' } }]);
    assert.ok(replaced?.includes(`sku: { name: { tier: 'S2' }, capacity: 1 }`), replaced);
  });

  it('removes a property or an item with its whole line, comment included', () => {
    const { write, properties, list } = hubParts();
    const removed = write([{ op: 'remove', object: properties, key: 'restrictOutboundNetworkAccess' }]);
    assert.ok(removed && !removed.includes('restrictOutboundNetworkAccess') && removed.includes('  properties: {\n    allowedFqdnList: ['), removed);
    const item = write([{ op: 'removeItem', array: list, index: 0 }]);
    assert.ok(item?.includes('    allowedFqdnList: [\n    ]\n'), item);
  });

  it('keeps the file’s tabs and CRLF line breaks', () => {
    const text = HUB.replace(/\n/g, '\r\n').replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2));
    const { write, properties } = hubParts(text);
    const after = write([{ op: 'set', object: properties, key: 'publicNetworkAccess', value: 'Disabled' }]);
    assert.ok(after?.includes(`\t\temptyObject: {}\r\n\t\tpublicNetworkAccess: 'Disabled'\r\n\t}\r\n}`), JSON.stringify(after));
  });

  it('adds a role assignment that names the hub and the target by their symbols, under a new symbol, after a blank line', () => {
    // A file that does not end with a line break does not after the declaration either.
    const text = `${STORAGE_AND_HUB}
var hubStorageBlobDataContributor = 'taken'`;
    const { resources, write } = loaded(text);
    const [storage, hub] = resources;
    const after = write([blobWriterFor(hub, storage)]);
    const role = "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')";
    assert.strictEqual(
      after,
      `${text}

resource hubStorageBlobDataContributor2 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hub.id, ${role})
  scope: storage
  properties: {
    roleDefinitionId: ${role}
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
  }
}`,
    );
  });

  it('in a long file, writes a role assignment at its end and a property in the first declaration, checking only what changes', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `resource st${i} 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st${i}'\n}\n`).join('\n');
    const text = `${STORAGE_AND_HUB}\n${many}`;
    const { resources, write } = loaded(text);
    const [storage, hub] = resources;
    const added = write([blobWriterFor(hub, storage)]);
    assert.ok(added?.startsWith(text) && added.endsWith("    principalType: 'ServicePrincipal'\n  }\n}\n"), 'appended at the end');
    const set = write([{ op: 'set', object: storage.body as ObjectValue, key: 'kind', value: 'StorageV2' }]);
    assert.strictEqual(set, text.replace("  name: 'contosodata'\n}", "  name: 'contosodata'\n  kind: 'StorageV2'\n}"));
  });

  it('refuses an edit whose place no longer holds what it was read from: checked statement by statement, and over the whole file', () => {
    // The object as a tree of another text placed it: in this file, that place is inside a string.
    const elsewhere = `var o = { a: 1 }\nvar s = 'xxxxxxxxxxxxxxxxxxxx'\n`;
    const here = `var s = 'xxxxxxxxxxxxxxxxxxxx'\nvar o = { a: 1 }\n`;
    const node = (parseBicep(elsewhere).program.statements[0] as S.VarDecl).value;
    const stale = { kind: 'object', origin: originOf(ID, node), get: () => undefined, raw: () => undefined, entries: () => [], keyLoc: () => undefined } as ObjectValue;
    const edit: ModelEdit = { op: 'set', object: stale, key: 'b', value: 2 };
    // The same edit in the text the object was read from is written.
    assert.strictEqual(loaded(elsewhere).write([edit]), elsewhere.replace('{ a: 1 }', '{ a: 1, b: 2 }'));
    assert.strictEqual(loaded(here).write([edit]), undefined);
    // With a syntax error elsewhere in the file, the whole file is read again: refused as well.
    assert.strictEqual(loaded(`${here}var broken = (\n`).write([edit]), undefined);
  });

  it('writes no role assignment that a declaration left open above would take in', () => {
    const text = `${STORAGE_AND_HUB}resource unfinished 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for i in range(0, 2): {
  properties: {
    principalId: hub.i`;
    const { resources, write } = loaded(text);
    const [storage, hub] = resources;
    assert.strictEqual(write([blobWriterFor(hub, storage)]), undefined);
    // Once the open declaration is closed, the same edit is written.
    const closed = loaded(`${text}\n  }\n}]\n`);
    assert.ok(closed.write([blobWriterFor(closed.resources[1], closed.resources[0])])?.includes('resource hubStorageBlobDataContributor '));
  });

  it('writes no role assignment for a hub whose symbol is declared twice', () => {
    const { resources, write } = loaded(`resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosodata'
}
resource hub 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'other'
}
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  identity: { type: 'SystemAssigned' }
}
`);
    const hub = resources.find((r) => r.type === 'Microsoft.Devices/IotHubs')!;
    assert.strictEqual(write([blobWriterFor(hub, resources[0])]), undefined);
  });

  it('writes no property that a broken line above would take in', () => {
    const text = `resource adx 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'adx'
  properties: {
    allowedFqdnList: ['a.example.com']
    calloutPolicies: [for    calloutPolicies: [for s in []: {}]
  }
}
`;
    const { resources, write } = loaded(text);
    const properties = prop(resources[0], 'properties') as ObjectValue;
    assert.strictEqual(write([{ op: 'set', object: properties, key: 'restrictOutboundNetworkAccess', value: 'Enabled' }]), undefined);
    const repaired = loaded(text.replace('[for    calloutPolicies: ', ''));
    assert.ok(repaired.write([{ op: 'set', object: prop(repaired.resources[0], 'properties') as ObjectValue, key: 'restrictOutboundNetworkAccess', value: 'Enabled' }])?.includes("    restrictOutboundNetworkAccess: 'Enabled'\n  }"));
  });

  it('offers no edit to a value that is not written where it is used', () => {
    const { resources } = loaded(`var flag = true
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub'
  properties: {
    restrictOutboundNetworkAccess: flag
  }
}
`);
    const target = prop(resources[0], 'properties.restrictOutboundNetworkAccess')!;
    assert.strictEqual(target.origin, undefined);
  });
});
