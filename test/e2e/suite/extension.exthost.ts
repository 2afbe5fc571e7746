/**
 * The extension inside a real VS Code extension host (code-server here,
 * @vscode/test-electron on a desktop): diagnostics of the examples, each
 * quick fix applied through the editor's own commands, the hover, and fix-all
 * on save. The workspace is a copy of examples/.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'iot-netlint.iot-netlint';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('The suite needs the examples folder open');
  return f.uri;
}

function file(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...relative.split('/'));
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'iot-netlint');
}

/**
 * Code actions at a range. VS Code cancels the request when another provider
 * (the built-in JSON one) registers at the same moment: such a request is asked again.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
      if (actions.length > 0 || attempt >= 20) return actions;
    } catch (error) {
      if (attempt >= 20 || !/Canceled/.test(String(error))) throw error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until the diagnostics of a document satisfy `test` (the server publishes after each change). */
function diagnosticsWhere(uri: vscode.Uri, test: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = ours(uri);
    return test(ds) ? ds : undefined;
  });
}

describe('IoT Network Lint in VS Code', function () {
  this.timeout(120000);

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in this extension host`);
    await extension.activate();
  });

  it('reports the rule ids and ranges of the examples, for files not open too', async () => {
    const hub = file('hub-egress/azuredeploy.json');
    const diagnostics = await diagnosticsWhere(hub, (ds) => ds.length >= 7, 'diagnostics of hub-egress');
    const summary = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`).sort();
    // The hub closes public access, but its egress restriction already stops the built-in endpoint: that is said once.
    assert.deepStrictEqual(summary, [
      '106:37 iothub-key-auth-to-firewalled-endpoint',
      '134:29 iothub-identity-broad-role',
      '29:21 downstream-trusted-services-blocked',
      '81:9 iothub-egress-allowlist-missing-builtin-endpoint',
      '82:11 egress-allowlist-invalid-entry',
      '84:11 egress-allowlist-invalid-entry',
      '95:32 iothub-egress-allowlist-missing-endpoint',
    ]);
    const typeError = await diagnosticsWhere(file('hub-legacy/azuredeploy.json'), (ds) => ds.some((d) => codeOf(d) === 'restrict-outbound-value-type'), 'hub-legacy');
    const d = typeError.find((x) => codeOf(x) === 'restrict-outbound-value-type')!;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.character], [18, 41, 50]);
    assert.match(String((d.code as { target: vscode.Uri }).target), /docs\/rules\/restrict-outbound-value-type\.md$/);
    const related = diagnostics.find((x) => codeOf(x) === 'iothub-egress-allowlist-missing-endpoint')!.relatedInformation!;
    assert.strictEqual(related[0].location.range.start.line, 80);
  });

  it('reports the findings of a Bicep file, with its parameters file and module, and fixes one', async () => {
    const uri = file('hub-bicep/main.bicep');
    const expected = [
      '103:23 iothub-identity-broad-role',
      '26:15 downstream-trusted-services-blocked',
      '51:5 iothub-egress-allowlist-missing-builtin-endpoint',
      '69:26 iothub-egress-allowlist-missing-endpoint',
      '69:26 iothub-identity-role-missing',
    ];
    const diagnostics = await diagnosticsWhere(uri, (ds) => ds.length >= expected.length, 'diagnostics of hub-bicep');
    assert.deepStrictEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`).sort(), expected);
    const module = await diagnosticsWhere(file('hub-bicep/modules/event-hubs.bicep'), (ds) => ds.length > 0, 'diagnostics of the module');
    assert.deepStrictEqual(module.map(codeOf), ['downstream-trusted-services-blocked']);

    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'bicep');
    const broad = diagnostics.find((d) => codeOf(d) === 'iothub-identity-broad-role')!;
    // Replacing the role replaces the assignment: an unsafe fix, offered with its cost in its title, never preferred.
    const fix = (await codeActions(uri, broad.range)).find((a) => a.title.startsWith('Give Storage Blob Data Contributor instead — replaces the role assignment') && a.edit);
    assert.ok(fix, 'a fix for the broad role');
    assert.ok(!fix.isPreferred, 'an unsafe fix is not preferred');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(document.lineAt(102).text, /ba92f5b4-2d11-453d-a403-e96b0029c9fe/);
    assert.strictEqual(document.lineAt(99).text, "  name: guid(archive.id, hub.id, 'storageBlobDataContributor')");
    await diagnosticsWhere(uri, (ds) => !ds.some((d) => codeOf(d) === 'iothub-identity-broad-role'), 'the broad role finding to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies each quick fix through the editor and the finding goes', async () => {
    const uri = file('hub-legacy/azuredeploy.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const before = await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === 'restrict-outbound-value-type'), 'type finding');
    const finding = before.find((d) => codeOf(d) === 'restrict-outbound-value-type')!;
    const actions = await codeActions(uri, finding.range);
    const fix = actions.find((a) => a.title === 'Write true');
    assert.ok(fix?.edit, `a "Write true" fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable restrict-outbound-value-type for this line'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.lineAt(18).text, '        "restrictOutboundNetworkAccess": true,');
    await diagnosticsWhere(uri, (ds) => !ds.some((d) => codeOf(d) === 'restrict-outbound-value-type'), 'the type finding to go');

    // Every other fix of the file, one after the other, each through the editor's own commands.
    for (let round = 0; round < 10; round++) {
      const current = ours(uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Information);
      let applied = false;
      for (const d of current) {
        const offered = await codeActions(uri, d.range);
        const preferred = offered.find((a) => a.isPreferred && a.edit);
        if (!preferred) continue;
        const versionBefore = document.version;
        assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
        assert.ok(document.version > versionBefore);
        await diagnosticsWhere(uri, (ds) => !ds.some((x) => codeOf(x) === codeOf(d) && x.range.isEqual(d.range) && x.message === d.message), `${codeOf(d)} to go`);
        applied = true;
        break;
      }
      if (!applied) break;
    }
    const remaining = ours(uri).map(codeOf);
    // Raising an API version is an unsafe fix: offered, never preferred.
    assert.ok(remaining.includes('restrict-outbound-api-version'), remaining.join(', '));
    assert.ok(!remaining.includes('iothub-identity-missing'), remaining.join(', '));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('explains a finding on hover', async () => {
    const uri = file('data-explorer/azuredeploy.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => codeOf(d) === 'kusto-allowlist-and-callout-policies'), 'kusto findings');
    const d = ds.find((x) => codeOf(x) === 'kusto-allowlist-and-callout-policies')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /kusto-allowlist-and-callout-policies/);
    assert.match(text, /Why it matters/);
  });

  it('fixes all findings on save when editor.codeActionsOnSave asks for it', async () => {
    const uri = file('hub-egress/azuredeploy.json');
    await vscode.workspace.getConfiguration('editor', uri).update('codeActionsOnSave', { 'source.fixAll.iotNetlint': 'always' }, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === 'egress-allowlist-invalid-entry'), 'invalid entries');
      // A change, so that there is something to save.
      await editor.edit((b) => b.insert(new vscode.Position(0, 1), ' '));
      await document.save();
      assert.ok(document.getText().includes('"bypass": "Logging, Metrics, AzureServices"'), 'the bypass fix was applied on save');
      assert.ok(!document.getText().includes('https://contosotelemetry.blob.core.windows.net/'), 'the entry fix was applied on save');
    } finally {
      await vscode.workspace.getConfiguration('editor', uri).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('runs its commands: Analyze Workspace, Restart Server', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['iotNetlint.analyzeWorkspace', 'iotNetlint.restartServer', 'iotNetlint.showOutput']) assert.ok(all.includes(c), c);
    const result = await vscode.commands.executeCommand<{ files: number; findings: number }>('iotNetlint.analyzeWorkspace');
    assert.ok(result.files >= 4 && result.findings > 10, JSON.stringify(result));
    await vscode.commands.executeCommand('iotNetlint.restartServer');
    await diagnosticsWhere(file('device-update/azuredeploy.json'), (ds) => ds.length > 0, 'diagnostics after the restart');
  });

  it('restarts a crashed server four times within three minutes, then stops until asked', async () => {
    const api = vscode.extensions.getExtension<{ client: { state: number } }>(EXTENSION_ID)!.exports;
    // The running server's process, as the language client holds it.
    const client = api.client as unknown as { state: number; _serverProcess?: { pid?: number } };
    const RUNNING = 2;
    const STOPPED = 1;
    const pid = () => client._serverProcess?.pid;
    for (let crash = 1; crash <= 5; crash++) {
      const before = await waitFor(`the server to run before crash ${crash}`, () => (client.state === RUNNING ? pid() : undefined));
      process.kill(before, 'SIGKILL');
      if (crash <= 4) await waitFor(`a new server after crash ${crash}`, () => (client.state === RUNNING && pid() !== undefined && pid() !== before ? true : undefined));
    }
    await waitFor('the client to give up after the fifth crash', () => (client.state === STOPPED ? true : undefined));
    await vscode.commands.executeCommand('iotNetlint.restartServer');
    await waitFor('the server to run again when asked', () => (client.state === RUNNING ? true : undefined));
  });
});
