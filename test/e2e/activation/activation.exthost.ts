/**
 * Activation of the extension in a real extension host, for the benchmark:
 * opening a JSON document activates it; `activate` reports how long it took.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('activation', function () {
  this.timeout(60000);

  it('reports the time activate() took and the time to the first diagnostics', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number; ready: Promise<void> }>('iot-netlint.iot-netlint');
    assert.ok(extension);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const started = Date.now();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'hub-egress', 'azuredeploy.json'));
    await vscode.window.showTextDocument(document);
    const api = await extension.activate();
    await api.ready;
    while (!vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'iot-netlint')) {
      if (Date.now() - started > 30000) throw new Error('no diagnostics');
      await new Promise((r) => setTimeout(r, 10));
    }
    console.log(`ACTIVATION_MS=${api.activationMs.toFixed(1)}`);
    console.log(`OPEN_TO_DIAGNOSTICS_MS=${Date.now() - started}`);
  });
});
