import * as assert from 'assert';
import * as vscode from 'vscode';

describe('a suite that fails on purpose', () => {
  it('runs inside VS Code', () => {
    assert.ok(vscode.version.length > 0);
  });

  it('fails with a recognisable message', () => {
    assert.strictEqual(1 + 1, 3, 'deliberate failure from the failing fixture suite');
  });
});
