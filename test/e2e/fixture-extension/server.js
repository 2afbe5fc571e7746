#!/usr/bin/env node
// A tiny language server for the harness, in plain Node without dependencies: JSON-RPC 2.0
// over stdio with Content-Length framing. It publishes one diagnostic per marker in a
// document on didOpen/didChange: TODO (warning), FIXME (error), NOTE (information).
// Usage: node server.js --stdio
'use strict';

if (!process.argv.includes('--stdio')) {
  process.stderr.write('usage: node server.js --stdio\n');
  process.exit(2);
}

const MARKERS = [
  { word: 'TODO', severity: 2, code: 'todo-marker' },
  { word: 'FIXME', severity: 1, code: 'fixme-marker' },
  { word: 'NOTE', severity: 3, code: 'note-marker' },
];

const documents = new Map();

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function diagnose(text) {
  const diagnostics = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, lineNo) => {
    for (const marker of MARKERS) {
      const re = new RegExp(`\\b${marker.word}\\b`, 'g');
      let m;
      while ((m = re.exec(line))) {
        diagnostics.push({
          range: { start: { line: lineNo, character: m.index }, end: { line: lineNo, character: m.index + marker.word.length } },
          severity: marker.severity,
          code: marker.code,
          source: 'e2e-fixture-server',
          message: `${marker.word} marker left in the document`,
        });
      }
    }
  });
  return diagnostics;
}

function publish(uri) {
  const doc = documents.get(uri);
  send({
    method: 'textDocument/publishDiagnostics',
    params: { uri, version: doc ? doc.version : undefined, diagnostics: doc ? diagnose(doc.text) : [] },
  });
}

let shuttingDown = false;
function handle(message) {
  const { id, method, params } = message;
  const isRequest = id !== undefined && method !== undefined;
  switch (method) {
    case 'initialize':
      send({
        id,
        result: {
          capabilities: { textDocumentSync: { openClose: true, change: 1 } },
          serverInfo: { name: 'e2e-fixture-server', version: '0.0.1' },
        },
      });
      return;
    case 'initialized':
      send({ method: 'window/logMessage', params: { type: 3, message: `e2e-fixture-server ready (pid ${process.pid})` } });
      return;
    case 'textDocument/didOpen':
      documents.set(params.textDocument.uri, { text: params.textDocument.text, version: params.textDocument.version });
      publish(params.textDocument.uri);
      return;
    case 'textDocument/didChange': {
      const change = params.contentChanges[params.contentChanges.length - 1];
      documents.set(params.textDocument.uri, { text: change.text, version: params.textDocument.version });
      publish(params.textDocument.uri);
      return;
    }
    case 'textDocument/didClose':
      documents.delete(params.textDocument.uri);
      publish(params.textDocument.uri);
      return;
    case 'shutdown':
      shuttingDown = true;
      send({ id, result: null });
      return;
    case 'exit':
      process.exit(shuttingDown ? 0 : 1);
      return;
    default:
      if (isRequest) send({ id, error: { code: -32601, message: `Unhandled method ${method}` } });
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buffer.subarray(0, headerEnd).toString('ascii');
    const match = /Content-Length: *(\d+)/i.exec(header);
    if (!match) {
      buffer = buffer.subarray(headerEnd + 4);
      continue;
    }
    const length = Number(match[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headerEnd + 4 + length);
    try {
      handle(JSON.parse(body));
    } catch (err) {
      process.stderr.write(`e2e-fixture-server: ${err && err.stack}\n`);
    }
  }
});
process.stdin.on('end', () => process.exit(0));
