// Runs inside the extension host (code-server's, or Electron's under @vscode/test-electron).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'iot-netlint-tests.e2e-fixture';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves with the diagnostics of uri once `accept` likes them (or rejects after timeoutMs). */
function diagnosticsOf(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics of ${uri.toString()} not as expected: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}

const fromServer = (d: vscode.Diagnostic[]): vscode.Diagnostic[] => d.filter((x) => x.source === 'e2e-fixture-server');

/** Opens sample.json in an editor and waits for the server's three diagnostics (each test can run alone). */
async function openSample(): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const uri = workspaceFile('sample.json');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diagnostics = await diagnosticsOf(uri, (d) => fromServer(d).length === 3);
  return { uri, doc, diagnostics: fromServer(diagnostics) };
}

describe('fixture extension in the real extension host', () => {
  it('runs in VS Code 1.100 with a workspace folder open', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('is loaded from the development path and activates', async () => {
    const ext = vscode.extensions.getExtension<{ serverPid(): number | undefined }>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is known`);
    assert.strictEqual(path.basename(ext.extensionPath), 'fixture-extension');
    const api = await ext.activate();
    assert.ok(ext.isActive);
    assert.ok((api.serverPid() ?? 0) > 0, 'the language server child process runs');
  });

  it('opens a JSON document of the workspace', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('sample.json'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'json');
    assert.match(doc.getText(), /TODO/);
  });

  it('shows the language server diagnostics through vscode.languages.getDiagnostics', async () => {
    const { diagnostics } = await openSample();
    const bySeverity = diagnostics
      .map((d) => `${vscode.DiagnosticSeverity[d.severity]}:${d.code as string}@${d.range.start.line}`)
      .sort();
    assert.deepStrictEqual(bySeverity, ['Error:fixme-marker@3', 'Information:note-marker@4', 'Warning:todo-marker@2']);
  });

  it('offers a quick fix that removes the marker', async () => {
    const { uri, doc, diagnostics } = await openSample();
    const todo = diagnostics.find((d) => d.code === 'todo-marker');
    assert.ok(todo);
    // The workbench cancels a code-action request (and answers []) when any extension registers
    // a code-action provider meanwhile, e.g. the built-in JSON support starting up; so poll.
    let titles: string[] = [];
    let fix: vscode.CodeAction | undefined;
    for (let attempt = 0; attempt < 20 && !fix; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, todo.range);
      titles = actions.map((a) => a.title);
      fix = actions.find((a) => a.title === 'Replace TODO with DONE');
    }
    assert.ok(fix?.edit, `quick fix offered: ${titles.join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /"DONE: allow/);
    await diagnosticsOf(uri, (d) => !d.some((x) => x.code === 'todo-marker'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('runs its command', async () => {
    await openSample();
    const count = await vscode.commands.executeCommand<number>('e2eFixture.countMarkers');
    assert.strictEqual(typeof count, 'number');
    assert.ok(count >= 3, `counted ${count}`);
  });

  it('sees a clean document as clean', async () => {
    const uri = workspaceFile('clean.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(fromServer(vscode.languages.getDiagnostics(uri)), []);
  });
});
