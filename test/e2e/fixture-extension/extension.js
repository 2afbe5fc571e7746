// The fixture extension: starts server.js as a child process (as a real language client does),
// speaks just enough LSP to it to show its diagnostics for JSON documents, and adds a quick fix
// and a command. Plain JavaScript without dependencies so that the .vsix is self-contained.
'use strict';
const cp = require('child_process');
const path = require('path');
const vscode = require('vscode');

/** @type {cp.ChildProcess | undefined} */
let server;

function startServer(context, onNotification) {
  const child = cp.spawn(process.execPath, [path.join(context.extensionPath, 'server.js'), '--stdio'], {
    // In Electron (desktop VS Code) process.execPath is the editor itself.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let nextId = 1;
  const pending = new Map();
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && pending.has(message.id)) {
        pending.get(message.id)(message);
        pending.delete(message.id);
      } else if (message.method) {
        onNotification(message.method, message.params);
      }
    }
  });
  child.stderr.on('data', (d) => console.error(`[e2e-fixture-server] ${d}`));
  const write = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  return {
    child,
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        write({ id, method, params });
      }),
    notify: (method, params) => write({ method, params }),
  };
}

const SEVERITY = {
  1: vscode.DiagnosticSeverity.Error,
  2: vscode.DiagnosticSeverity.Warning,
  3: vscode.DiagnosticSeverity.Information,
  4: vscode.DiagnosticSeverity.Hint,
};

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('e2e-fixture');
  context.subscriptions.push(diagnostics);
  const log = vscode.window.createOutputChannel('E2E Fixture');
  context.subscriptions.push(log);

  const connection = startServer(context, (method, params) => {
    if (method === 'textDocument/publishDiagnostics') {
      const uri = vscode.Uri.parse(params.uri);
      diagnostics.set(
        uri,
        params.diagnostics.map((d) => {
          const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
          const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Error);
          diagnostic.code = d.code;
          diagnostic.source = d.source;
          return diagnostic;
        }),
      );
    } else if (method === 'window/logMessage') {
      log.appendLine(params.message);
    }
  });
  server = connection.child;
  context.subscriptions.push({ dispose: () => stopServer(connection) });

  await connection.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  connection.notify('initialized', {});

  const isJson = (doc) => doc.languageId === 'json' || doc.languageId === 'jsonc';
  const open = (doc) => {
    if (!isJson(doc)) return;
    connection.notify('textDocument/didOpen', {
      textDocument: { uri: doc.uri.toString(), languageId: doc.languageId, version: doc.version, text: doc.getText() },
    });
  };
  vscode.workspace.textDocuments.forEach(open);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isJson(e.document)) return;
      connection.notify('textDocument/didChange', {
        textDocument: { uri: e.document.uri.toString(), version: e.document.version },
        contentChanges: [{ text: e.document.getText() }],
      });
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (isJson(doc)) connection.notify('textDocument/didClose', { textDocument: { uri: doc.uri.toString() } });
    }),
  );

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'json' }, { language: 'jsonc' }],
      {
        provideCodeActions(document, _range, ctx) {
          return ctx.diagnostics
            .filter((d) => d.source === 'e2e-fixture-server')
            .map((d) => {
              const word = document.getText(d.range);
              const action = new vscode.CodeAction(`Replace ${word} with DONE`, vscode.CodeActionKind.QuickFix);
              action.edit = new vscode.WorkspaceEdit();
              action.edit.replace(document.uri, d.range, 'DONE');
              action.diagnostics = [d];
              action.isPreferred = true;
              return action;
            });
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('e2eFixture.countMarkers', () => {
      let count = 0;
      diagnostics.forEach((_uri, list) => (count += list.length));
      vscode.window.showInformationMessage(`E2E fixture: ${count} marker(s)`);
      return count;
    }),
  );

  return { serverPid: () => (server ? server.pid : undefined) };
}

function stopServer(connection) {
  if (!connection.child || connection.child.exitCode !== null) return;
  connection.request('shutdown', null).then(() => connection.notify('exit', null));
  setTimeout(() => connection.child.kill(), 1000).unref();
}

function deactivate() {
  if (server && server.exitCode === null) server.kill();
}

module.exports = { activate, deactivate };
