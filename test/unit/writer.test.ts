import * as assert from 'assert';
import { armWriter } from '../../server/src/core/frontends/arm/writer';
import { ArmObject } from '../../server/src/core/frontends/arm/values';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { loadArmTemplate } from '../../server/src/core/frontends/arm/template';
import { applyTextEdits, ModelEdit } from '../../server/src/core/fixes/edits';
import { prop } from '../../server/src/core/model/resource';
import { analyzeProject } from '../../server/src/core/project';
import { memoryHost } from '../../server/src/core/host';
import type { ArrayValue, ObjectValue } from '../../server/src/core/model/values';

function setup(text: string) {
  const loaded = loadArmTemplate({ id: 'w.json', text }, { cloud: DEFAULT_CLOUD });
  return { doc: loaded.documents[0], hub: loaded.resources[0] };
}

function write(text: string, edits: (hub: ReturnType<typeof setup>['hub']) => ModelEdit[]): string | undefined {
  const { doc, hub } = setup(text);
  const out = armWriter.write(doc, edits(hub));
  return out && applyTextEdits(text, out);
}

const SPACES = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Devices/IotHubs",
      "name": "hub",
      "properties": {
        "allowedFqdnList": ["a.example.com"],
        "routing": { "fallbackRoute": { "isEnabled": true } }
      }
    }
  ]
}`;

describe('ARM writer', () => {
  it('appends to an array and keeps the file’s layout', () => {
    const out = write(SPACES, (hub) => [{ op: 'append', array: prop(hub, 'properties.allowedFqdnList') as ArrayValue, value: 'b.example.com' }]);
    assert.strictEqual(out, SPACES.replace('["a.example.com"]', '["a.example.com", "b.example.com"]'));
  });

  it('adds a property with the file’s indentation', () => {
    const out = write(SPACES, (hub) => [{ op: 'set', object: prop(hub, 'properties') as ObjectValue, key: 'publicNetworkAccess', value: 'Disabled' }]);
    assert.ok(out!.includes('"routing": { "fallbackRoute": { "isEnabled": true } },\n        "publicNetworkAccess": "Disabled"\n      }'), out);
  });

  it('keeps tabs and CRLF line breaks', () => {
    const crlfTabs = SPACES.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t');
    const out = write(crlfTabs, (hub) => [{ op: 'set', object: prop(hub, 'properties') as ObjectValue, key: 'x', value: 1 }])!;
    assert.ok(out.includes(',\r\n\t\t\t\t"x": 1\r\n'), JSON.stringify(out));
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('replaces a literal and removes a property', () => {
    const out = write(SPACES, (hub) => {
      const fallback = prop(hub, 'properties.routing.fallbackRoute') as ObjectValue;
      return [
        { op: 'replace', target: fallback.get('isEnabled')!, value: false },
        { op: 'remove', object: prop(hub, 'properties') as ObjectValue, key: 'allowedFqdnList' },
      ];
    })!;
    assert.ok(out.includes('"isEnabled": false'));
    assert.ok(!out.includes('allowedFqdnList'));
    assert.doesNotThrow(() => JSON.parse(out));
  });

  it('escapes literal strings that would read as expressions', () => {
    const out = write(SPACES, (hub) => [{ op: 'set', object: prop(hub, 'properties') as ObjectValue, key: 'note', value: '[not an expression]' }])!;
    assert.ok(out.includes('"note": "[[not an expression]"'));
  });

  it('writes nothing for values that are not written literally', () => {
    const computed = SPACES.replace('["a.example.com"]', `"[createArray('a.example.com')]"`);
    const { doc, hub } = setup(computed);
    const list = prop(hub, 'properties.allowedFqdnList') as ArrayValue;
    assert.strictEqual(list.origin, undefined);
    assert.strictEqual(armWriter.canWrite(doc, [{ op: 'append', array: list, value: 'x' }]), false);
  });

  it('refuses documents too deep for jsonc-parser', () => {
    const deep = SPACES.replace('"routing"', `"deep": ${'['.repeat(500)}${']'.repeat(500)}, "routing"`);
    const { doc, hub } = setup(deep);
    assert.strictEqual(armWriter.canWrite(doc, [{ op: 'set', object: prop(hub, 'properties') as ObjectValue, key: 'x', value: 1 }]), false);
  });

  it('edits only the container it changes, so the rest of the file stays byte for byte', () => {
    const withComments = SPACES.replace('"name": "hub",', '"name": "hub", // the hub\n      /* keep me */');
    const out = write(withComments, (hub) => [{ op: 'append', array: prop(hub, 'properties.allowedFqdnList') as ArrayValue, value: 'b' }])!;
    assert.ok(out.includes('// the hub\n      /* keep me */'));
    assert.ok(hubBody(out));
  });
});

function hubBody(text: string): ArmObject | undefined {
  return setup(text).hub.body as ArmObject;
}

/**
 * Appending to a list whose last item has a line of its own writes against a
 * window of the list (its bracket and that item's line on): the list is laid
 * out as if it were read whole. Each case: the list before, and after "c" is
 * appended.
 */
const APPENDS: Array<[string, string, string]> = [
  ['items on lines of their own', '[\n          "a",\n          "b"\n        ]', '[\n          "a",\n          "b",\n          "c"\n        ]'],
  ['comments before and after the last item', '[\n          "a",\n          // ours\n          "b" // last\n        ]', '[\n          "a",\n          // ours\n          "b",\n          "c" // last\n        ]'],
  ['a trailing comma', '[\n          "a",\n          "b",\n        ]', '[\n          "a",\n          "b",\n          "c",\n        ]'],
  ['a comment after the comma before the last item', '[\n          "a", /* between */\n          "b"\n        ]', '[\n          "a", /* between */\n          "b",\n          "c"\n        ]'],
  ['the last two items on one line (read whole)', '[\n          "a", "b"\n        ]', '[\n          "a", "b",\n          "c"\n        ]'],
  ['tabs and CRLF', '[\r\n\t\t\t\t\t"a",\r\n\t\t\t\t\t"b"\r\n\t\t\t\t]', '[\r\n\t\t\t\t\t"a",\r\n\t\t\t\t\t"b",\r\n\t\t\t\t\t"c"\r\n\t\t\t\t]'],
];

describe('ARM writer: appending to a long list', () => {
  for (const [layout, before, after] of APPENDS) {
    it(`appends after ${layout}`, () => {
      const eol = before.includes('\r\n') ? '\r\n' : '\n';
      const text = SPACES.replace(/\n/g, eol).replace('["a.example.com"]', before);
      const out = write(text, (hub) => [{ op: 'append', array: prop(hub, 'properties.allowedFqdnList') as ArrayValue, value: 'c' }]);
      assert.strictEqual(out, text.replace(before, after));
    });
  }

  it('adds a role assignment after the last of thousands of resources, and changes nothing else', () => {
    const storage = (i: number) => `    {\n      "type": "Microsoft.Storage/storageAccounts",\n      "apiVersion": "2023-01-01",\n      "name": "st${i}"\n    }`;
    const hub = `    {
      "type": "Microsoft.Devices/IotHubs",
      "apiVersion": "2023-06-30",
      "name": "hub",
      "identity": { "type": "SystemAssigned" },
      "properties": {
        "routing": {
          "endpoints": {
            "storageContainers": [
              { "name": "archive", "authenticationType": "identityBased", "endpointUri": "https://st0.blob.core.windows.net/", "containerName": "c" }
            ]
          }
        }
      }
    }`;
    const resources = [hub, ...Array.from({ length: 3000 }, (_, i) => storage(i))];
    const text = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n${resources.join(',\n')}\n  ]\n}\n`;
    const { findings } = analyzeProject([{ id: 'big.json', text }], { host: memoryHost({}) });
    const finding = findings.find((f) => f.ruleId === 'iothub-identity-role-missing');
    const edits = finding?.fixes[0]?.edits;
    assert.ok(edits && edits.length === 1, 'one edit');
    const lastEnd = text.lastIndexOf('}', text.lastIndexOf(']')) + 1;
    assert.strictEqual(edits[0].offset, lastEnd, 'inserted right after the last resource');
    assert.strictEqual(edits[0].length, 0);
    assert.match(edits[0].newText, /^,\n {4}\{\n {6}"type": "Microsoft.Authorization\/roleAssignments",/);
    const fixed = applyTextEdits(text, edits)!;
    assert.strictEqual(JSON.parse(fixed).resources.length, 3002);
  });
});
