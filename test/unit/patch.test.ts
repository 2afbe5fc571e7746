/**
 * Reparsing after an edit (`patchJson`): an edit inside one string, number or
 * literal gives the document a full parse of the new text gives; any other
 * edit is left to the full parse. Each case is written as the text before,
 * with the edited part in «» and what replaces it after the arrow.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseJson } from '../../server/src/core/json/parser';
import { commonPrefixLength, patchJson, patchJsonInPlace, planPatch } from '../../server/src/core/json/patch';
import type { JsonDocument } from '../../server/src/core/json/tree';
import { corpusAvailable, CORPUS, listFiles } from '../support/paths';

/** Everything a parse gives, as plain data: the tokens with their spans, kinds, flags and extents, comments, errors. */
function dump(doc: JsonDocument): object {
  const tape = doc.root?.tape;
  const tokens = [];
  for (let i = 0; tape && i < tape.count; i++) tokens.push([tape.kinds[i], tape.flags[i], tape.starts[i], tape.ends[i], tape.skips[i]]);
  return { tokens, comments: doc.comments, errors: doc.errors, maxDepth: doc.maxDepth, text: tape?.text };
}

/** `before «old» after` → the two texts. */
function edit(marked: string, replacement: string): [string, string] {
  const m = /^([\s\S]*)«([\s\S]*)»([\s\S]*)$/.exec(marked);
  if (!m) throw new Error(`no «» in ${marked}`);
  return [m[1] + m[2] + m[3], m[1] + replacement + m[3]];
}

/** The patched document when there is one, checked against a full parse of the new text. */
function patched(before: string, after: string): JsonDocument | undefined {
  const result = patchJson(parseJson(before), after);
  if (result) assert.deepStrictEqual(dump(result), dump(parseJson(after)));
  return result;
}

const TEMPLATE = `{
  // The hub
  "resources": [
    { "type": "Microsoft.Devices/IotHubs", "name": "hub", "properties": { "restrictOutboundNetworkAccess": true, "allowedFqdnList": ["a.servicebus.windows.net"] } }
  ] /* end */
}
`;

describe('patchJson: reparsing after an edit', () => {
  const patches: Array<[string, string]> = [
    ['"allowedFqdnList": ["a.serv«»icebus', 'x'],
    ['"allowedFqdnList": ["«a».servicebus', 'iothub-ns-hub-1'],
    ['"restrictOutboundNetworkAccess": «true»', '"true"'],
    ['"restrictOutboundNetworkAccess": «true»', 'false'],
    ['"restrictOutboundNetworkAccess": «true»', '12.5e3'],
    ['"restrictOutboundNetworkAccess": «true»', 'null'],
    ['"name": "hub«»"', '\\n\\u0041'],
    ['"«name»": "hub"', 'nam'],
    ['"type": "Microsoft.Devices/IotHubs«»"', ' '],
  ];
  for (const [marked, replacement] of patches) {
    it(`patches ${marked} → ${replacement}`, () => {
      const [before, after] = edit(TEMPLATE.replace(marked.replace(/[«»]/g, ''), marked), replacement);
      assert.ok(patched(before, after), 'expected a patch');
    });
  }

  const reparsed: Array<[string, string, string]> = [
    ['"name": «"hub"»', '"hub", "x": 1', 'two tokens'],
    ['"name": "hub«"»', '', 'an unterminated string'],
    ['"restrictOutboundNetworkAccess": «true»', 'tru', 'an invalid literal'],
    ['"restrictOutboundNetworkAccess": «true»', '{}', 'a container'],
    ['"«name»": "hub"', '[name]', 'a key that may be an expression'],
    ['«// The hub»', '// A hub', 'an edit in a comment'],
    ['"resources": [«»', '\n', 'an edit between tokens'],
    ['«{» "type"', '[', 'a container replaced'],
    ['"restrictOutboundNetworkAccess": «true»', '"true" //', 'a comment after the token'],
  ];
  for (const [marked, replacement, why] of reparsed) {
    it(`reparses ${why}: ${marked} → ${replacement}`, () => {
      const [before, after] = edit(TEMPLATE.replace(marked.replace(/[«»]/g, ''), marked), replacement);
      assert.strictEqual(patched(before, after), undefined);
    });
  }

  it('reparses a document that had syntax errors, and one with nothing in it', () => {
    assert.strictEqual(patched('{"a": "b", }}', '{"a": "bc", }}'), undefined);
    assert.strictEqual(patched('', ' '), undefined);
    assert.strictEqual(patched('{}', '{}'), undefined);
  });

  it('keeps the old document whole: its values still read the old text', () => {
    const before = parseJson(TEMPLATE);
    const after = patchJson(before, TEMPLATE.replace('"hub"', '"hub-2"'))!;
    assert.ok(after);
    assert.strictEqual(before.root!.tape.text, TEMPLATE);
    assert.deepStrictEqual(dump(before), dump(parseJson(TEMPLATE)));
  });

  it('patches in place: nodes made before the edit read the new text, the edited one its new value', () => {
    const document = parseJson(TEMPLATE);
    const root = document.root!;
    const resource = root.properties!.find((p) => p.key === 'resources')!.value!.items![0];
    const properties = resource.properties!.find((p) => p.key === 'properties')!.value!;
    const restrict = properties.properties![0].value!;
    const list = properties.properties![1].value!;
    assert.strictEqual(restrict.value, true);
    const after = TEMPLATE.replace('"restrictOutboundNetworkAccess": true', '"restrictOutboundNetworkAccess": "yes"');
    const patch = planPatch(document, after)!;
    assert.ok(patch);
    patchJsonInPlace(document, patch);
    assert.deepStrictEqual(dump(document), dump(parseJson(after)));
    assert.strictEqual(restrict.value, 'yes');
    assert.strictEqual(after.slice(list.offset, list.end), '["a.servicebus.windows.net"]');
    assert.strictEqual(after.slice(root.offset, root.end), after.trimEnd());
  });

  it('gives what a full parse gives, for any edit of any text (random texts and edits)', () => {
    let patchedCount = 0;
    const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'a', 'e', '1', '-', '.', ' ', '\n', '/', '*', 't', 'r', 'u', '['), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json()), fc.nat(), fc.nat(), jsonish, (text, a, b, inserted) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = Math.min(text.length, from + (Math.max(a, b) % 4));
        if (patched(text, text.slice(0, from) + inserted + text.slice(to))) patchedCount++;
      }),
      { numRuns: 3000 },
    );
    // Enough edits land inside a token to exercise the patch, not only the way back to a full parse.
    assert.ok(patchedCount > 100, `only ${patchedCount} of 3000 edits were patched`);
  });

  it('gives what a full parse gives for keystrokes inside the tokens of real templates', function () {
    if (!corpusAvailable()) {
      console.warn('NOTICE: the corpus is absent: the real templates are not edited.');
      this.skip();
    }
    const files = listFiles(path.join(CORPUS, 'templates'), (f) => f.endsWith('.json')).slice(0, 200);
    let patchedCount = 0;
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.constantFrom('', 'x', '1', '"', '\\', 'true', ' ', '}', '-'), fc.nat(3), (file, at, inserted, removed) => {
        const text = fs.readFileSync(file, 'utf8');
        const tape = parseJson(text).root?.tape;
        if (!tape || tape.count === 0) return;
        // A place inside some token, where keystrokes mostly land.
        const token = at % tape.count;
        const offset = tape.starts[token] + (at % Math.max(1, tape.ends[token] - tape.starts[token]));
        if (patched(text, text.slice(0, offset) + inserted + text.slice(Math.min(text.length, offset + removed)))) patchedCount++;
      }),
      { numRuns: 400 },
    );
    assert.ok(patchedCount > 50, `only ${patchedCount} of 400 edits were patched`);
  });
});

describe('commonPrefixLength: where two texts first differ', () => {
  /** The answer of a character-by-character walk. */
  function walked(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  }
  // Long enough to take several of the growing slices (4,096 characters, then 8,192, 16,384…).
  const base = Array.from({ length: 40000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');

  it('finds a difference at either side of each slice boundary, at the ends, and none in equal texts', () => {
    for (const at of [0, 1, 4095, 4096, 4097, 12287, 12288, 12289, 28671, 28672, 39998, 39999]) {
      const changed = base.slice(0, at) + '#' + base.slice(at + 1);
      assert.strictEqual(commonPrefixLength(base, changed), at, `a difference at ${at}`);
      assert.strictEqual(commonPrefixLength(changed, base), at, `a difference at ${at}, the other way round`);
    }
    assert.strictEqual(commonPrefixLength(base, base.slice()), base.length);
    assert.strictEqual(commonPrefixLength('', base), 0);
  });

  it('stops at the end of the shorter text when one begins the other', () => {
    assert.strictEqual(commonPrefixLength(base, base.slice(0, 20000)), 20000);
    assert.strictEqual(commonPrefixLength(base.slice(0, 4096), base), 4096);
  });

  it('agrees with a character-by-character walk for any edit (random places and texts)', () => {
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(5), fc.string({ maxLength: 5 }), (at, removed, inserted) => {
        const changed = base.slice(0, at) + inserted + base.slice(at + removed);
        assert.strictEqual(commonPrefixLength(base, changed), walked(base, changed));
      }),
      { numRuns: 500 },
    );
  });
});
