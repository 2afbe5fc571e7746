/**
 * What an editor's long session keeps alive. Strings read from a template are
 * cut from its text, and V8 keeps a whole text alive for any piece of it of 13
 * characters or more: whatever outlives an analysis (the memos of expressions,
 * of lower-cased keys; the resources an incremental update keeps) must not pin
 * one version of the template per keystroke.
 */
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { generateTemplate } from '../../bench/generate';
import { memoryHost } from '../../server/src/core/host';
import { analyzeProject, LoadCache } from '../../server/src/core/project';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterCollecting(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const ID = 'file:///w/template.json';
const analyse = (text: string, cache?: LoadCache) => analyzeProject([{ id: ID, text }], { host: memoryHost({}), cache });

describe('what outlives an analysis', () => {
  it('keeps none of the texts its expressions were read from (40 versions of a 1 MB template, each with a new expression)', () => {
    const base = generateTemplate(500, 1024 * 1024);
    const expression = "concat(parameters('prefix'), '-hub-0')";
    const at = base.indexOf(expression);
    assert.ok(at > 0);
    analyse(base);
    const before = heapAfterCollecting();
    for (let i = 0; i < 40; i++) analyse(base.slice(0, at) + `concat(parameters('prefix'), '-hub-${i}x')` + base.slice(at + expression.length));
    const grown = (heapAfterCollecting() - before) / 1e6;
    // Each version kept would be 1 MB: 40 MB.
    assert.ok(grown < 10, `the heap grew by ${grown.toFixed(1)} MB`);
  });

  it('reads a large template whole before the declarations read again after edits keep too many versions of it alive', () => {
    const accounts = Array.from({ length: 12 }, (_, i) => `    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st${i}", "properties": { "minimumTlsVersion": "TLS1_2" } }`);
    // 9 million characters: the budget (64 Mi characters) holds 7 versions.
    const text = `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "metadata": { "padding": "${'x'.repeat(9_000_000)}" },\n  "resources": [\n${accounts.join(',\n')}\n  ]\n}\n`;
    const cache: LoadCache = new Map();
    let current = text;
    let previous = analyse(current, cache);
    /** Edits the TLS version of one account; whether the other resources were kept (an incremental update). */
    const edit = (account: number, version: string): boolean => {
      const at = current.indexOf(`"name": "st${account}"`);
      const value = current.indexOf('"TLS1_', at) + 1;
      current = current.slice(0, value) + `TLS1_${version}` + current.slice(value + 6);
      const next = analyse(current, cache);
      const kept = next.resources.some((r) => previous.resources.includes(r));
      previous = next;
      return kept;
    };
    // Typing in one declaration lets its previous version go: it never needs the whole template read.
    for (let i = 0; i < 10; i++) assert.ok(edit(0, i % 2 ? '2' : '0'), `keystroke ${i} in the same account`);
    // Six more accounts: seven versions in all.
    for (let account = 1; account <= 6; account++) assert.ok(edit(account, '0'), `account ${account}`);
    assert.ok(!edit(7, '0'), 'an eighth account: the template is read whole');
    assert.ok(edit(8, '0'), 'then edits are read incrementally again');
  });
});
