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

const templates = (): string[] => {
  const examples = listFiles(path.join(ROOT, 'examples'), (f) => f.endsWith('azuredeploy.json'));
  return examples.map((f) => fs.readFileSync(f, 'utf8'));
};

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
    for (const [what, edited] of Object.entries(edits)) {
      assert.notStrictEqual(edited, text, what);
      const cache: LoadCache = new Map();
      const before = analyse(text, cache);
      const after = analyse(edited, cache);
      assert.ok(!after.resources.some((r) => before.resources.includes(r)), `${what}: nothing kept`);
      assert.deepStrictEqual(after.findings.map(shown), analyse(edited).findings.map(shown), what);
    }
    // The same template, edited inside the hub's allow list: the storage account is kept.
    const cache: LoadCache = new Map();
    const before = analyse(text, cache);
    const after = analyse(text.replace('"st1.blob.core.windows.net"', '"st1.blob.core.windows.nt"'), cache);
    assert.deepStrictEqual(
      after.resources.map((r) => before.resources.includes(r)),
      [true, false],
    );
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
