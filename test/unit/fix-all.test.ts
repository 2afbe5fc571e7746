/**
 * Fix-all in passes: fixes that touch one place wait for the next pass,
 * except insertions at one place that add different things, which are
 * written one after the other in one pass. The findings here are made by a
 * stand-in analysis of a list `[a]`: each letter it wants and the text lacks
 * is a finding whose fix inserts `, x` before the closing bracket.
 */
import * as assert from 'assert';
import { fixFiles } from '../../server/src/core/fixes/fixAll';
import type { Finding } from '../../server/src/core/findings';
import type { TextEdit } from '../../server/src/core/fixes/edits';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { memoryHost } from '../../server/src/core/host';
import { analyzeProject } from '../../server/src/core/project';

const DOC = 'list.json';

/** One finding per wanted letter the list lacks; its fix inserts the letter, saying what it adds when `named`. */
function wanting(letters: string[], named: boolean) {
  let passes = 0;
  const analyze = (text: () => string) => (): Finding[] => {
    passes++;
    const current = text();
    const close = current.lastIndexOf(']');
    return letters
      .filter((letter) => !current.includes(`"${letter}"`))
      .map((letter) => {
        const edit: TextEdit = { doc: DOC, offset: close, length: 0, newText: `, "${letter}"`, ...(named && { adds: `item:"${letter}"` }) };
        return { ruleId: 'wants', severity: 'warning', message: letter, doc: DOC, offset: 0, length: 0, related: [], fixes: [{ title: `add ${letter}`, safety: 'safe', edits: [edit] }] };
      });
  };
  return { analyze, passes: () => passes };
}

describe('fix-all', () => {
  it('makes insertions at one place that add different things in one pass, in the order of their findings', () => {
    const files = new Map([[DOC, { text: '["a"]' }]]);
    const stand = wanting(['b', 'c', 'd'], true);
    fixFiles(files, stand.analyze(() => files.get(DOC)!.text));
    assert.strictEqual(files.get(DOC)!.text, '["a", "b", "c", "d"]');
    // One pass writes them all; one more finds nothing left.
    assert.strictEqual(stand.passes(), 2);
  });

  it('writes one of two insertions that add the same thing, and reads the other again against its text', () => {
    const files = new Map([[DOC, { text: '["a"]' }]]);
    const stand = wanting(['b', 'b'], true);
    fixFiles(files, stand.analyze(() => files.get(DOC)!.text));
    assert.strictEqual(files.get(DOC)!.text, '["a", "b"]');
  });

  it('keeps insertions that do not say what they add to one per place and pass', () => {
    const files = new Map([[DOC, { text: '["a"]' }]]);
    const stand = wanting(['b', 'c', 'd'], false);
    fixFiles(files, stand.analyze(() => files.get(DOC)!.text));
    assert.strictEqual(files.get(DOC)!.text, '["a", "b", "c", "d"]');
    assert.strictEqual(stand.passes(), 4);
  });

  it('holds back an edit that meets an insertion, whatever the insertion says it adds', () => {
    const files = new Map([[DOC, { text: '["a"]' }]]);
    let passes = 0;
    const finding = (title: string, edit: TextEdit): Finding => ({ ruleId: 'wants', severity: 'warning', message: title, doc: DOC, offset: 0, length: 0, related: [], fixes: [{ title, safety: 'safe', edits: [edit] }] });
    fixFiles(files, () => {
      passes++;
      const text = files.get(DOC)!.text;
      const found: Finding[] = [];
      if (!text.includes('"b"')) found.push(finding('add b', { doc: DOC, offset: text.lastIndexOf(']'), length: 0, newText: ', "b"', adds: 'item:"b"' }));
      // Replaces "a", up to where "b" goes in the first pass.
      if (text.includes('"a"')) found.push(finding('a to z', { doc: DOC, offset: 1, length: 3, newText: '"z"' }));
      return found;
    });
    assert.strictEqual(files.get(DOC)!.text, '["z", "b"]');
    assert.strictEqual(passes, 3);
  });

  it('adds the role assignments of more hubs than it makes passes, in one pass', () => {
    const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
    const resources = Array.from({ length: 15 }, (_, i) => [
      { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: `st${i}` },
      {
        type: 'Microsoft.Devices/IotHubs',
        apiVersion: '2023-06-30',
        name: `hub${i}`,
        identity: { type: 'SystemAssigned' },
        properties: {
          routing: { endpoints: { storageContainers: [{ name: 'archive', authenticationType: 'identityBased', endpointUri: `https://st${i}.blob.core.windows.net/`, containerName: 'c' }] } },
        },
      },
    ]).flat();
    const id = 'hubs.json';
    const files = new Map([[id, { text: JSON.stringify({ $schema: SCHEMA, resources }, null, 2) }]]);
    const analyze = () => analyzeProject([{ id, text: files.get(id)!.text }], { host: memoryHost({}), cloud: DEFAULT_CLOUD }).findings.filter((f) => f.ruleId === 'iothub-identity-role-missing');
    assert.strictEqual(analyze().length, 15);
    fixFiles(files, analyze);
    assert.strictEqual(analyze().length, 0);
    const written = JSON.parse(files.get(id)!.text) as { resources: Array<{ type: string }> };
    assert.strictEqual(written.resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments').length, 15);
  });

  it('adds the role assignments of more Bicep hubs than it makes passes, in one pass, each under a symbol of its own', () => {
    const id = '/w/main.bicep';
    const declarations = Array.from({ length: 12 }, (_, i) => `resource st${i} 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st${i}'
}

resource hub${i} 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'hub${i}'
  identity: { type: 'SystemAssigned' }
  properties: {
    routing: {
      endpoints: {
        storageContainers: [
          { name: 'archive', authenticationType: 'identityBased', endpointUri: 'https://st${i}.blob.core.windows.net/', containerName: 'c' }
        ]
      }
    }
  }
}
`);
    const files = new Map([[id, { text: declarations.join('\n') }]]);
    const analyze = () =>
      analyzeProject([{ id, text: files.get(id)!.text }], { host: memoryHost({ [id]: files.get(id)!.text }), cloud: DEFAULT_CLOUD }).findings.filter((f) => f.ruleId === 'iothub-identity-role-missing');
    assert.strictEqual(analyze().length, 12);
    fixFiles(files, analyze);
    assert.strictEqual(analyze().length, 0);
    const symbols = [...files.get(id)!.text.matchAll(/^resource (\w+) 'Microsoft.Authorization\/roleAssignments@/gm)].map((m) => m[1]);
    assert.strictEqual(new Set(symbols).size, 12);
  });
});

describe('fix-all and fix safety', () => {
  /** A finding with the given fixes, each inserting its own letter, until one of them is in the list. */
  const offering =
    (files: Map<string, { text: string }>, ...fixes: Array<{ letter: string; safety: 'safe' | 'unsafe' }>) =>
    (): Finding[] => {
      if (fixes.some(({ letter }) => files.get(DOC)!.text.includes(`"${letter}"`))) return [];
      const offered = fixes.map(({ letter, safety }) => ({ title: `add ${letter}`, safety, edits: [{ doc: DOC, offset: 4, length: 0, newText: `, "${letter}"` }] }));
      return [{ ruleId: 'wants', severity: 'warning', message: 'wants', doc: DOC, offset: 0, length: 0, related: [], fixes: offered }];
    };

  it('applies a finding\'s first safe fix, passing over unsafe ones before it', () => {
    const files = new Map([[DOC, { text: '["a"]' }]]);
    const applied = fixFiles(files, offering(files, { letter: 'u', safety: 'unsafe' }, { letter: 's', safety: 'safe' }));
    assert.strictEqual(files.get(DOC)!.text, '["a", "s"]');
    assert.deepStrictEqual(applied.get(DOC), [{ ruleId: 'wants', title: 'add s', safety: 'safe' }]);
  });

  it('applies no unsafe fix unless asked, and then only one of the alternatives', () => {
    const files = new Map([[DOC, { text: '["a"]' }]]);
    assert.strictEqual(fixFiles(files, offering(files, { letter: 'u', safety: 'unsafe' }, { letter: 'v', safety: 'unsafe' })).size, 0);
    assert.strictEqual(files.get(DOC)!.text, '["a"]');
    const applied = fixFiles(files, offering(files, { letter: 'u', safety: 'unsafe' }, { letter: 'v', safety: 'unsafe' }), { unsafe: true });
    assert.strictEqual(files.get(DOC)!.text, '["a", "u"]');
    assert.deepStrictEqual(applied.get(DOC)?.map((f) => f.title), ['add u']);
  });
});
