import * as assert from 'assert';
import { disableComment, fixAllEdit } from '../../server/src/lsp/codeActions';
import { readSettings, DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { canonicalUri } from '../../server/src/lsp/workspace';
import { ruleDoc } from '../../server/src/lsp/ruleDocs';
import { LineIndex } from '../../server/src/core/text/lines';
import { RULES } from '../../server/src/core/rules';

describe('language server pieces', () => {
  it('inserts a suppression comment above the line, at its indentation, in the file’s line endings', () => {
    const text = '{\r\n    "a": 1\r\n}';
    const edit = disableComment(new LineIndex(text), 1, 'rule-a', '//');
    assert.deepStrictEqual(edit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '    // iot-netlint-disable-next-line rule-a\r\n' });
  });

  it('adds a rule to the suppression comment already above the line', () => {
    const text = '{\n  // iot-netlint-disable-next-line rule-a\n  "a": 1\n}';
    const edit = disableComment(new LineIndex(text), 2, 'rule-b', '//');
    assert.deepStrictEqual(edit, { range: { start: { line: 1, character: 41 }, end: { line: 1, character: 41 } }, newText: ' rule-b' });
  });

  it('makes fix-all one minimal edit, and nothing when nothing changes', () => {
    assert.strictEqual(fixAllEdit('u', 'abc', 'abc'), undefined);
    const edit = fixAllEdit('u', '{"a": "true"}', '{"a": true}')!;
    assert.deepStrictEqual(edit.changes!.u, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 12 } }, newText: 'true' }]);
  });

  it('keeps only valid settings', () => {
    assert.deepStrictEqual(readSettings({ enable: false, rules: { a: 'off', b: 'loud' }, cloud: 'azurechinacloud', maxFileSize: -1, debounceMs: 0 }), {
      enable: false,
      rules: { a: 'off' },
      cloud: 'AzureChinaCloud',
      maxFileSize: undefined,
      debounceMs: 0,
    });
    assert.deepStrictEqual(readSettings('junk'), DEFAULT_SETTINGS);
  });

  it('spells a file URI one way, whatever the client’s escaping', () => {
    assert.strictEqual(canonicalUri('file:///tmp/a%20b/c.json'), canonicalUri('file:///tmp/a b/c.json'));
    assert.strictEqual(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });

  it('reads why and how to fix from every rule’s page', () => {
    for (const rule of RULES) {
      const doc = ruleDoc(rule.id);
      assert.ok(doc && doc.why.length > 20 && doc.fix.length > 20, rule.id);
    }
  });
});
