/**
 * Analysis after a keystroke, as the editor runs it: the previous analysis's
 * templates are kept in a cache, a keystroke inside one value of one resource
 * patches the template's parse in place and reads only that resource again.
 * Whatever the keystrokes, the findings — spans, messages, related places and
 * the text edits of their fixes — are those of a fresh analysis of the text.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../../server/src/core/findings';
import { memoryHost } from '../../server/src/core/host';
import { parseJson } from '../../server/src/core/json/parser';
import { TapeKind } from '../../server/src/core/json/tree';
import { analyzeProject, LoadCache, ProjectResult } from '../../server/src/core/project';
import { corpusAvailable, CORPUS, listFiles, ROOT } from '../support/paths';

const ID = 'file:///w/template.json';

/** A finding as plain data, its fixes written out: what the editor shows and applies. */
function shown(f: Finding): object {
  return {
    at: `${f.ruleId} ${f.severity} ${f.doc}:${f.offset}+${f.length}`,
    message: f.message,
    related: f.related.map((r) => `${r.doc}:${r.offset}+${r.length} ${r.message}`),
    fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits?.map((e) => `${e.doc}:${e.offset}+${e.length}=${e.newText}`) })),
  };
}

const analyse = (text: string, cache?: LoadCache): ProjectResult => analyzeProject([{ id: ID, text }], { host: memoryHost({}), cache, unusedDirectives: 'info' });

/** The values of a text that are not containers (keys are edited by the cases above): where keystrokes land. */
function scalars(text: string): Array<{ start: number; end: number }> {
  const tape = parseJson(text).root?.tape;
  const out = [];
  for (let i = 0; tape && i < tape.count; i++) {
    const k = tape.kinds[i];
    if (k !== TapeKind.Object && k !== TapeKind.Array && k !== TapeKind.Orphan && k !== TapeKind.Key) out.push({ start: tape.starts[i], end: tape.ends[i] });
  }
  return out;
}

interface Keystroke {
  token: number;
  at: number;
  removed: number;
  inserted: string;
  whole: boolean;
}

const keystroke: fc.Arbitrary<Keystroke> = fc.record({
  token: fc.nat(),
  at: fc.nat(),
  removed: fc.nat(2),
  // Mostly what is typed inside a value; now and then what breaks the token or the document.
  inserted: fc.oneof(
    { arbitrary: fc.constantFrom('', 'x', '-', '1', 'n', '.core.windows.net', 'Disabled', '[', ']'), weight: 4 },
    { arbitrary: fc.constantFrom('"', '\\', ' ', 'true', '"true"', 'false', '0', '{'), weight: 1 },
  ),
  whole: fc.boolean(),
});

/**
 * Runs the keystrokes on the text, each analysed with the cache of the one
 * before, and compares with a fresh analysis. Returns how many analyses kept
 * resources of the one before (the incremental path was taken).
 */
function typeAndCompare(text: string, keystrokes: Keystroke[]): number {
  const cache: LoadCache = new Map();
  let previous = analyse(text, cache);
  let kept = 0;
  for (const k of keystrokes) {
    const tokens = scalars(text);
    if (!tokens.length) break;
    const token = tokens[k.token % tokens.length];
    const length = token.end - token.start;
    const from = k.whole ? token.start : token.start + (k.at % Math.max(1, length));
    const to = k.whole ? token.end : Math.min(token.end, from + k.removed);
    text = text.slice(0, from) + k.inserted + text.slice(to);
    const incremental = analyse(text, cache);
    const fresh = analyse(text);
    assert.deepStrictEqual(incremental.findings.map(shown), fresh.findings.map(shown), `after replacing ${from}..${to} with '${k.inserted}'`);
    assert.deepStrictEqual(
      incremental.documents.map((d) => d.text),
      fresh.documents.map((d) => d.text),
    );
    if (incremental.resources.some((r) => previous.resources.includes(r))) kept++;
    previous = incremental;
  }
  return kept;
}

/**
 * Analyses `text`, then `edited` with the cache of the first analysis, and compares the findings with a fresh
 * analysis of `edited`; returns, for each resource, whether it was kept from the first analysis.
 */
function editAndCompare(text: string, edited: string, what: string): boolean[] {
  assert.notStrictEqual(edited, text, what);
  const cache: LoadCache = new Map();
  const before = analyse(text, cache);
  const after = analyse(edited, cache);
  assert.deepStrictEqual(after.findings.map(shown), analyse(edited).findings.map(shown), what);
  return after.resources.map((r) => before.resources.includes(r));
}

const templates = (): string[] => {
  const examples = listFiles(path.join(ROOT, 'examples'), (f) => f.endsWith('azuredeploy.json'));
  return examples.map((f) => fs.readFileSync(f, 'utf8'));
};

/** Hubs and private endpoints made by copy loops over a known list, a storage account beside them: findings in each copy. */
const LOOPED = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "regions": { "type": "array", "defaultValue": ["westeurope", "northeurope"] } },
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "contosoarchive", "properties": { "networkAcls": { "defaultAction": "Deny", "bypass": "None" } } },
    {
      "type": "Microsoft.Devices/IotHubs", "apiVersion": "2023-06-30",
      "name": "[format('contoso-{0}', parameters('regions')[copyIndex()])]",
      "copy": { "name": "hubs", "count": "[length(parameters('regions'))]" },
      "properties": {
        "restrictOutboundNetworkAccess": true,
        "allowedFqdnList": ["contosoarchive.blob.core.windows.net", "[format('iothub-ns-contoso-{0}.servicebus.windows.net', parameters('regions')[copyIndex()])]"],
        "eventHubEndpoints": { "events": { "endpoint": "[format('sb://iothub-ns-contoso-{0}.servicebus.windows.net/', parameters('regions')[copyIndex()])]" } },
        "routing": { "endpoints": { "storageContainers": [{ "name": "archive", "connectionString": "DefaultEndpointsProtocol=https;AccountName=contosoarchive;AccountKey=x", "containerName": "c" }] } }
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2023-09-01",
      "name": "[format('contoso-{0}-pe', parameters('regions')[copyIndex()])]",
      "copy": { "name": "endpoints", "count": 2 },
      "properties": { "privateLinkServiceConnections": [{ "name": "hub", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.Devices/IotHubs', format('contoso-{0}', parameters('regions')[copyIndex()]))]", "groupIds": ["iotHubs"] } }] }
    }
  ]
}`;

describe('analysis after a keystroke (incremental)', () => {
  it('keeps the resources an edit inside one value of another resource leaves alone, with what the rules remembered of them', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'hub-egress', 'azuredeploy.json'), 'utf8');
    const cache: LoadCache = new Map();
    const before = analyse(text, cache);
    const edited = text.replace('"restrictOutboundNetworkAccess": true', '"restrictOutboundNetworkAccess": "true"');
    assert.notStrictEqual(edited, text);
    const after = analyse(edited, cache);
    const kept = after.resources.filter((r) => before.resources.includes(r));
    assert.strictEqual(kept.length, before.resources.length - 1, 'all but the edited resource are kept');
    assert.deepStrictEqual(after.findings.map(shown), analyse(edited).findings.map(shown));
  });

  it('reads the template whole when an edit changes a resource name, parameters, or the structure', () => {
    const text = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "suffix": { "type": "string", "defaultValue": "1" } },
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1", "properties": { "networkAcls": { "defaultAction": "Deny", "bypass": "None" } } },
    { "type": "Microsoft.Devices/IotHubs", "apiVersion": "2023-06-30", "name": "hub", "properties": { "restrictOutboundNetworkAccess": true, "allowedFqdnList": ["st1.blob.core.windows.net"] } }
  ]
}`;
    const edits = {
      'a resource name': text.replace('"name": "st1"', '"name": "st2"'),
      'a resource type': text.replace('"Microsoft.Storage/storageAccounts"', '"Microsoft.Storage/storageAccountz"'),
      'a parameter': text.replace('"defaultValue": "1"', '"defaultValue": "2"'),
      'the structure': text.replace('"resources": [', '"resources": [\n'),
      'a key': text.replace('"bypass"', '"bypas"'),
    };
    for (const [what, edited] of Object.entries(edits)) assert.ok(!editAndCompare(text, edited, what).some(Boolean), `${what}: nothing kept`);
    // The same template, edited inside the hub's allow list: the storage account is kept.
    const cache: LoadCache = new Map();
    const before = analyse(text, cache);
    const after = analyse(text.replace('"st1.blob.core.windows.net"', '"st1.blob.core.windows.nt"'), cache);
    assert.deepStrictEqual(
      after.resources.map((r) => before.resources.includes(r)),
      [true, false],
    );
  });

  it('reads the template whole after an edit inside a copy loop, and gives the findings of a fresh analysis', () => {
    const fresh = analyse(LOOPED);
    // Each copy is read with its own values; what the copies find is reported once, where it is written.
    assert.deepStrictEqual(
      fresh.resources.map((r) => r.type.split('/').pop()),
      ['storageAccounts', 'IotHubs', 'IotHubs', 'privateEndpoints', 'privateEndpoints'],
    );
    assert.deepStrictEqual(
      fresh.findings.map((f) => f.message.split(':')[0]),
      [
        "Routing endpoint 'archive' (storageContainers) of hub 'contoso-westeurope' authenticates with a key to 'contosoarchive', which denies public traffic",
        "Private endpoint 'contoso-westeurope-pe' asks IoT hub 'contoso-westeurope' for group id 'iotHubs', which it does not offer (iotHub, iotHubService, iotHubDevice)",
      ],
    );
    const edits = {
      'a value of one hub copy': LOOPED.replace('"restrictOutboundNetworkAccess": true', '"restrictOutboundNetworkAccess": "true"'),
      'an entry both copies read': LOOPED.replace('"contosoarchive.blob.core.windows.net"', '"contosoarchive.blob.core.windows.nt"'),
      'a group id in the endpoint copies': LOOPED.replace('"iotHubs"', '"iotHub"'),
      'the count of a loop': LOOPED.replace('"count": 2', '"count": 1'),
    };
    for (const [what, edited] of Object.entries(edits)) {
      const copiesKept = editAndCompare(LOOPED, edited, what).slice(1);
      assert.ok(!copiesKept.some(Boolean), `${what}: no copy kept`);
    }
    // An edit outside the loops keeps every copy.
    assert.deepStrictEqual(editAndCompare(LOOPED, LOOPED.replace('"bypass": "None"', '"bypass": "AzureServices"'), 'outside the loops'), [false, true, true, true, true]);
  });

  it('gives the findings of a fresh analysis after any keystrokes in the examples (random keystrokes)', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.constantFrom(...templates()), fc.array(keystroke, { minLength: 1, maxLength: 6 }), (text, keystrokes) => {
        kept += typeAndCompare(text, keystrokes);
      }),
      { numRuns: 150 },
    );
    assert.ok(kept > 30, `the incremental path was taken only ${kept} times`);
    console.log(`    (${kept} analyses kept resources of the one before)`);
  });

  it('gives the findings of a fresh analysis after any keystrokes in a template with copy loops (random keystrokes)', () => {
    fc.assert(
      fc.property(fc.array(keystroke, { minLength: 1, maxLength: 6 }), (keystrokes) => {
        typeAndCompare(LOOPED, keystrokes);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the findings of a fresh analysis after keystrokes in real IoT templates', function () {
    if (!corpusAvailable()) {
      console.warn('NOTICE: the corpus is absent: real templates are not edited.');
      this.skip();
    }
    const files = listFiles(path.join(CORPUS, 'templates'), (f) => f.endsWith('.json') && /iot|devices|kusto|deviceupdate/i.test(f)).slice(0, 60);
    const texts = files.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.includes('"resources"'));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(keystroke, { minLength: 1, maxLength: 4 }), (text, keystrokes) => {
        typeAndCompare(text, keystrokes);
      }),
      { numRuns: 100 },
    );
  });
});
