/**
 * The language server over standard input and output, driven by a plain
 * JSON-RPC client: what any editor sees.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyzeProject } from '../../server/src/core/project';
import { memoryHost } from '../../server/src/core/host';
import { LineIndex } from '../../server/src/core/text/lines';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { Diagnostics, LspClient } from '../support/lspClient';
import { ROOT } from '../support/paths';
import { tempFolder } from '../support/tempFolders';
import { BICEP_HUB, bicepEndpointModule, deploymentTemplate, ENDPOINT_MODULE, ENDPOINT_MODULE_IN_CACHE, HUB_WITH_FINDINGS, TEMPLATE_SCHEMA } from '../support/templates';

const SCHEMA = TEMPLATE_SCHEMA;
const TEMPLATE = deploymentTemplate(HUB_WITH_FINDINGS);

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** Applies LSP text edits to a text. */
function applyLsp(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const lines = new LineIndex(text);
  return applyTextEdits(
    text,
    edits.map((e) => ({ offset: lines.offsetAt(e.range.start), length: lines.offsetAt(e.range.end) - lines.offsetAt(e.range.start), newText: e.newText })),
  )!;
}

const workspaceFolder = (files: Record<string, string>): string => tempFolder('lsp', files);

const codes = (d: Diagnostics) => d.diagnostics.map((x) => x.code).sort();

describe('language server protocol (stdio)', function () {
  this.timeout(60000);
  let client: LspClient;
  const uri = 'file:///virtual/hub.json';

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first');
  });

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(null, { debounceMs: 0 });
  });

  afterEach(async () => {
    await client.shutdown();
  });

  it('announces incremental sync, quick fixes, fix-all and hovers', async () => {
    const other = new LspClient();
    const { capabilities } = await other.initialize(null);
    await other.shutdown();
    assert.deepStrictEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepStrictEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.iotNetlint'] });
    assert.strictEqual(capabilities.hoverProvider, true);
  });

  it('publishes diagnostics on open: codes, ranges, links, severities', async () => {
    const published = client.waitForDiagnostics(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    const d = await published;
    assert.deepStrictEqual(codes(d), ['egress-allowlist-invalid-entry', 'restrict-outbound-value-type']);
    const typeError = d.diagnostics.find((x) => x.code === 'restrict-outbound-value-type')!;
    assert.deepStrictEqual(typeError.range, { start: { line: 11, character: 41 }, end: { line: 11, character: 47 } });
    assert.strictEqual(typeError.severity, 1);
    assert.strictEqual(typeError.source, 'iot-netlint');
    assert.match(typeError.codeDescription!.href, /docs\/rules\/restrict-outbound-value-type\.md$/);
    assert.strictEqual(d.diagnostics.find((x) => x.code === 'egress-allowlist-invalid-entry')!.severity, 3);
    assert.strictEqual(d.version, 1);
  });

  it('updates diagnostics on incremental changes and clears them on close', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    await client.waitForDiagnostics(uri, 1);
    // Replace "true" (a string) with true (a boolean): the type error goes.
    const lines = new LineIndex(TEMPLATE);
    const at = TEMPLATE.indexOf('"true"');
    const range = { start: lines.positionAt(at), end: lines.positionAt(at + 6) };
    const changed = client.waitForDiagnostics(uri, 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: 'true' }] });
    assert.deepStrictEqual(codes(await changed), ['egress-allowlist-invalid-entry']);
    const cleared = client.waitForDiagnostics(uri);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepStrictEqual((await cleared).diagnostics, []);
  });

  it('offers each fix as a quick fix (the first preferred) and a suppression comment', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    const d = await client.waitForDiagnostics(uri, 1);
    const diagnostic = d.diagnostics.find((x) => x.code === 'restrict-outbound-value-type')!;
    type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ range: Range; newText: string }>> } };
    const actions = await client.call<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => a.title === 'Write true')!;
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(applyLsp(TEMPLATE, fix.edit.changes[uri]).includes('"restrictOutboundNetworkAccess": true,'));
    const disable = actions.find((a) => a.title === 'Disable restrict-outbound-value-type for this line')!;
    assert.ok(applyLsp(TEMPLATE, disable.edit.changes[uri]).includes('        // iot-netlint-disable-next-line restrict-outbound-value-type\n        "restrictOutboundNetworkAccess": "true",'));
  });

  it('fixes all on request (source.fixAll.iotNetlint)', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    await client.waitForDiagnostics(uri, 1);
    type Action = { kind: string; edit: { changes: Record<string, Array<{ range: Range; newText: string }>> } };
    const actions = await client.call<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.iotNetlint'] },
    });
    assert.strictEqual(actions.length, 1);
    const fixed = applyLsp(TEMPLATE, actions[0].edit.changes[uri]);
    assert.ok(fixed.includes('"restrictOutboundNetworkAccess": true,'));
    assert.ok(fixed.includes('["iothub-ns-contoso-hu-1-abcdef0123.servicebus.windows.net", "a.example.com"]'));
  });

  it('offers an unsafe fix as a quick fix with its cost in its title, not preferred, and leaves it out of fix-all', async () => {
    // Public access closed, default routing: disabling the fallback route drops messages; the type fix is safe.
    const text = deploymentTemplate(
      JSON.stringify({
        type: 'Microsoft.Devices/IotHubs',
        apiVersion: '2023-06-30',
        name: 'contoso-hub',
        properties: { publicNetworkAccess: 'Disabled', restrictOutboundNetworkAccess: 'true', allowedFqdnList: ['iothub-ns-contoso-1-2-abcdef0123.servicebus.windows.net'] },
      }),
    );
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const d = await client.waitForDiagnostics(uri, 1);
    const bypass = d.diagnostics.find((x) => x.code === 'iothub-builtin-endpoint-bypasses-isolation')!;
    type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ range: Range; newText: string }>> } };
    const actions = await client.call<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: bypass.range, context: { diagnostics: [bypass] } });
    const disable = actions.find((a) => a.title === 'Disable the fallback route — messages that match no route are dropped')!;
    assert.ok(disable, actions.map((a) => a.title).join(', '));
    assert.strictEqual(disable.isPreferred, false);
    const fixAll = await client.call<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.iotNetlint'] },
    });
    const fixed = applyLsp(text, fixAll[0].edit.changes[uri]);
    assert.ok(fixed.includes('"restrictOutboundNetworkAccess":true') || fixed.includes('"restrictOutboundNetworkAccess": true'), fixed);
    assert.ok(!fixed.includes('fallbackRoute'), 'the unsafe fix is not applied on save');
  });

  it('shows a suppression comment that suppresses nothing faded, removes it on request, and not on fix-all', async () => {
    const text = TEMPLATE.replace('"restrictOutboundNetworkAccess": "true",', '"restrictOutboundNetworkAccess": true, // iot-netlint-disable-line restrict-outbound-value-type');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const d = await client.waitForDiagnostics(uri, 1);
    const diagnostic = d.diagnostics.find((x) => x.code === 'unused-disable-directive')!;
    assert.deepStrictEqual([diagnostic.severity, diagnostic.tags], [4, [1]], 'a hint, tagged unnecessary');
    type Action = { title: string; kind: string; edit: { changes: Record<string, Array<{ range: Range; newText: string }>> } };
    const actions = await client.call<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const remove = actions.find((a) => a.title === 'Remove the unused directive')!;
    assert.ok(applyLsp(text, remove.edit.changes[uri]).includes('"restrictOutboundNetworkAccess": true,\n'));
    const fixAll = await client.call<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.iotNetlint'] },
    });
    assert.ok(applyLsp(text, fixAll[0].edit.changes[uri]).includes('// iot-netlint-disable-line restrict-outbound-value-type'), 'kept on save: the code may be half typed');
  });

  it('explains a finding on hover', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    await client.waitForDiagnostics(uri, 1);
    const hover = await client.call<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 44 } });
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*restrict-outbound-value-type\*\* \(error\)/);
    assert.match(hover.contents.value, /Why it matters/);
    assert.match(hover.contents.value, /\[Documentation\]\(https:\/\/.*restrict-outbound-value-type\.md\)/);
    assert.strictEqual(await client.call('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });

  it('answers a cancelled request and keeps serving', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    await client.waitForDiagnostics(uri, 1);
    const { id, response } = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 44 } });
    client.notify('$/cancelRequest', { id });
    const answer = await response;
    assert.ok(answer.result !== undefined || answer.error?.code === -32800, JSON.stringify(answer));
    assert.ok(await client.call('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 44 } }));
  });

  it('answers malformed requests with errors and keeps serving', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
    await client.waitForDiagnostics(uri, 1);
    const unknown = await client.request('iotNetlint/noSuchMethod', {}).response;
    assert.strictEqual(unknown.error?.code, -32601);
    const broken = await client.request('textDocument/hover', { textDocument: {} }).response;
    assert.ok(broken.error || broken.result === null, JSON.stringify(broken));
    client.write('{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": ');
    client.write({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///not/open.json', version: 1 }, contentChanges: [{ text: 'x' }] } });
    assert.ok(await client.call('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 44 } }));
    assert.ok(client.alive);
  });

  it('analyses the workspace in the background, with progress, and re-analyses a template when its parameters file changes', async () => {
    const hubTemplate = JSON.stringify(
      {
        $schema: SCHEMA,
        parameters: { restrict: { type: 'bool', defaultValue: true } },
        resources: [{ type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'h', properties: { restrictOutboundNetworkAccess: "[parameters('restrict')]" } }],
      },
      null,
      2,
    );
    const params = (value: boolean) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: { restrict: { value } } });
    const dir = workspaceFolder({ 'infra/hub.json': hubTemplate, 'infra/hub.parameters.json': params(false), 'package.json': '{"name": "x"}' });
    const folderClient = new LspClient();
    try {
      const templateUri = pathToFileURL(path.join(dir, 'infra', 'hub.json')).href;
      const paramsUri = pathToFileURL(path.join(dir, 'infra', 'hub.parameters.json')).href;
      await folderClient.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
      await folderClient.waitFor((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end', 10000, true);
      assert.ok(!folderClient.diagnostics.get(templateUri)?.diagnostics.length, 'restriction off: nothing to say');
      // The parameters file is edited in the editor: the template is analysed again with its new value.
      const again = folderClient.waitForDiagnostics(templateUri);
      folderClient.notify('textDocument/didOpen', { textDocument: { uri: paramsUri, languageId: 'json', version: 1, text: params(true) } });
      assert.deepStrictEqual(codes(await again), ['iothub-egress-allowlist-empty']);
    } finally {
      await folderClient.shutdown();
    }
  });

  it('analyses Bicep: a workspace file with its .bicepparam, an open file with quick fixes and a suppression comment', async () => {
    const main = [
      'param restrict bool = false',
      "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
      "  name: 'h'",
      '  properties: {',
      '    restrictOutboundNetworkAccess: restrict',
      '  }',
      '}',
      '',
    ].join('\n');
    const dir = workspaceFolder({ 'infra/main.bicep': main, 'infra/main.bicepparam': "using 'main.bicep'\nparam restrict = true\n" });
    const mainUri = pathToFileURL(path.join(dir, 'infra', 'main.bicep')).href;
    const folderClient = new LspClient();
    try {
      await folderClient.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
      await folderClient.waitFor((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end', 10000, true);
      assert.deepStrictEqual(codes(folderClient.diagnostics.get(mainUri)!), ['iothub-egress-allowlist-empty'], 'the .bicepparam turns the restriction on');
    } finally {
      await folderClient.shutdown();
    }

    const bicepUri = 'file:///virtual/main.bicep';
    const text = "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {\n  name: 'h'\n  properties: {\n    restrictOutboundNetworkAccess: 'true'\n    allowedFqdnList: [\n      'a.example.com'\n    ]\n  }\n}\n";
    const published = client.waitForDiagnostics(bicepUri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri: bicepUri, languageId: 'bicep', version: 1, text } });
    const d = await published;
    assert.deepStrictEqual(codes(d), ['restrict-outbound-value-type']);
    const diagnostic = d.diagnostics[0];
    assert.deepStrictEqual(diagnostic.range, { start: { line: 3, character: 35 }, end: { line: 3, character: 41 } });
    type Action = { title: string; edit: { changes: Record<string, Array<{ range: Range; newText: string }>> } };
    const actions = await client.call<Action[]>('textDocument/codeAction', { textDocument: { uri: bicepUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => a.title === 'Write true')!;
    assert.ok(applyLsp(text, fix.edit.changes[bicepUri]).includes('    restrictOutboundNetworkAccess: true\n'));
    const disable = actions.find((a) => a.title === 'Disable restrict-outbound-value-type for this line')!;
    const suppressed = applyLsp(text, disable.edit.changes[bicepUri]);
    assert.ok(suppressed.includes("    // iot-netlint-disable-next-line restrict-outbound-value-type\n    restrictOutboundNetworkAccess: 'true'"), suppressed);
    const quiet = client.waitForDiagnostics(bicepUri, 2);
    client.notify('textDocument/didChange', { textDocument: { uri: bicepUri, version: 2 }, contentChanges: [{ text: suppressed }] });
    assert.deepStrictEqual(codes(await quiet), []);
  });

  it('follows a registry module through the module cache of bicepconfig.json, and says which module it cannot read', async () => {
    // The server reads documents by URI; the cache's folders are named with `$`, which the URIs keep.
    const dir = workspaceFolder({
      'infra/main.bicep': BICEP_HUB + bicepEndpointModule('notAGroupId'),
      'infra/other.bicep': bicepEndpointModule('iotHub', 'br/public:avm/res/network/private-endpoint:9.9.9'),
      [`cache/${ENDPOINT_MODULE_IN_CACHE}`]: ENDPOINT_MODULE,
    });
    fs.writeFileSync(path.join(dir, 'infra', 'bicepconfig.json'), JSON.stringify({ cacheRootDirectory: path.join(dir, 'cache') }));
    const open = async (name: string) => {
      const fileUri = pathToFileURL(path.join(dir, 'infra', name)).href;
      const published = client.waitForDiagnostics(fileUri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri: fileUri, languageId: 'bicep', version: 1, text: fs.readFileSync(path.join(dir, 'infra', name), 'utf8') } });
      return (await published).diagnostics;
    };
    const [groupId] = await open('main.bicep');
    assert.strictEqual(groupId.code, 'private-endpoint-group-id');
    assert.deepStrictEqual(groupId.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 67 } });
    assert.strictEqual(groupId.relatedInformation![0].location.uri, pathToFileURL(path.join(dir, 'cache', ...ENDPOINT_MODULE_IN_CACHE.split('/'))).href);
    const [notFollowed] = await open('other.bicep');
    assert.deepStrictEqual([notFollowed.code, notFollowed.severity], ['module-not-followed', 3]);
    assert.match(notFollowed.message, /^Registry module 'br\/public:avm\/res\/network\/private-endpoint:9\.9\.9' is not in the module cache/);
  });

  it('leaves out what the configuration ignores, open or not, until the configuration changes', async () => {
    const config = '.iot-netlint.json';
    const dir = workspaceFolder({ [config]: JSON.stringify({ ignore: ['generated/'] }), 'infra/hub.json': TEMPLATE, 'generated/hub.json': TEMPLATE });
    const keptUri = pathToFileURL(path.join(dir, 'infra', 'hub.json')).href;
    const ignoredUri = pathToFileURL(path.join(dir, 'generated', 'hub.json')).href;
    const folderClient = new LspClient();
    try {
      await folderClient.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
      await folderClient.waitFor((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end', 10000, true);
      assert.ok(folderClient.diagnostics.get(keptUri)?.diagnostics.length, 'the file that is not ignored has its findings');
      assert.strictEqual(folderClient.diagnostics.get(ignoredUri), undefined, 'the ignored folder is not read');
      const opened = folderClient.waitForDiagnostics(ignoredUri, 1);
      folderClient.notify('textDocument/didOpen', { textDocument: { uri: ignoredUri, languageId: 'json', version: 1, text: TEMPLATE } });
      assert.deepStrictEqual(codes(await opened), [], 'an ignored file opened in the editor gets no diagnostics');
      // The pattern is removed: the workspace is read again, and the file is analysed.
      fs.writeFileSync(path.join(dir, config), '{}');
      const analysed = folderClient.waitForDiagnostics(ignoredUri);
      folderClient.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, config)).href, type: 2 }] });
      assert.ok((await analysed).diagnostics.length > 0);
    } finally {
      await folderClient.shutdown();
    }
  });

  it('follows a parameters file created, changed and deleted on disk, as the client reports it', async () => {
    const hubTemplate = JSON.stringify({
      $schema: SCHEMA,
      parameters: { restrict: { type: 'bool', defaultValue: false } },
      resources: [{ type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'h', properties: { restrictOutboundNetworkAccess: "[parameters('restrict')]" } }],
    });
    const params = (value: boolean) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: { restrict: { value } } });
    const dir = workspaceFolder({ 'infra/hub.json': hubTemplate });
    const paramsFile = path.join(dir, 'infra', 'hub.parameters.json');
    const templateUri = pathToFileURL(path.join(dir, 'infra', 'hub.json')).href;
    const paramsUri = pathToFileURL(paramsFile).href;
    const folderClient = new LspClient();
    /** Writes (or deletes, with undefined) the parameters file, tells the server as a client's watcher would, and returns the template's next diagnostics. */
    const onDisk = async (text: string | undefined, type: 1 | 2 | 3) => {
      if (text === undefined) fs.rmSync(paramsFile);
      else fs.writeFileSync(paramsFile, text);
      const next = folderClient.waitForDiagnostics(templateUri);
      folderClient.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: paramsUri, type }] });
      return codes(await next);
    };
    try {
      await folderClient.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
      await folderClient.waitFor((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end', 10000, true);
      assert.ok(!folderClient.diagnostics.get(templateUri)?.diagnostics.length, 'restriction off by default: nothing to say');
      assert.deepStrictEqual(await onDisk(params(true), 1), ['iothub-egress-allowlist-empty'], 'created');
      assert.deepStrictEqual(await onDisk(params(false), 2), [], 'changed');
      assert.deepStrictEqual(await onDisk(params(true), 2), ['iothub-egress-allowlist-empty'], 'changed back');
      assert.deepStrictEqual(await onDisk(undefined, 3), [], 'deleted');
    } finally {
      await folderClient.shutdown();
    }
  });

  it('shows the syntax errors of a malformed template and keeps the findings of what parsed', async () => {
    const broken = TEMPLATE.replace('"location": "westeurope",', '"location": "westeurope"').replace(/\n  \]\n\}\n$/, '\n');
    const published = client.waitForDiagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: broken } });
    const found = codes(await published);
    assert.ok(found.includes('syntax-error'), found.join(', '));
    assert.ok(found.includes('restrict-outbound-value-type'), found.join(', '));
  });

  it('gives a file over the size limit one information diagnostic instead of an analysis', async () => {
    const small = new LspClient();
    small.settings = { enable: true, rules: {}, maxFileSize: 200 };
    try {
      await small.initialize(null, { debounceMs: 0 });
      const published = small.waitForDiagnostics(uri);
      small.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEMPLATE } });
      const d = await published;
      assert.deepStrictEqual(d.diagnostics.map((x) => [x.code, x.severity]), [['file-not-analyzed', 3]]);
      assert.match(d.diagnostics[0].message, /over the 0\.0 MB limit/);
    } finally {
      await small.shutdown();
    }
  });

  it('stays alive through 10,000 random edits and ends with the diagnostics of a fresh analysis', async function () {
    this.timeout(180000);
    const edits = new LspClient();
    try {
      await edits.initialize(null);
      const editUri = 'file:///virtual/edits.json';
      let text = TEMPLATE;
      let version = 1;
      edits.notify('textDocument/didOpen', { textDocument: { uri: editUri, languageId: 'json', version, text } });
      let seed = 42;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const pieces = ['"', '{', '}', '[', ']', ',', ':', ' ', '\n', 'true', '"Disabled"', 'x', '// c\n', '\\', 'é'];
      for (let i = 0; i < 10000; i++) {
        const lines = new LineIndex(text);
        const start = random(text.length + 1);
        const end = Math.min(text.length, start + (random(3) === 0 ? random(6) : 0));
        const insert = random(4) === 0 ? '' : pieces[random(pieces.length)];
        version++;
        edits.notify('textDocument/didChange', {
          textDocument: { uri: editUri, version },
          contentChanges: [{ range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: insert }],
        });
        text = text.slice(0, start) + insert + text.slice(end);
        if (i % 500 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const final = await edits.waitForDiagnostics(editUri, version, 30000);
      assert.ok(edits.alive, 'the server is alive');
      const fresh = analyzeProject([{ id: editUri, text, explicit: false }], { host: memoryHost({}) }).findings;
      const lines = new LineIndex(text);
      const expected = fresh.map((f) => `${f.ruleId}@${JSON.stringify(lines.positionAt(f.offset))}`).sort();
      const actual = final.diagnostics.map((d) => `${d.code}@${JSON.stringify(d.range.start)}`).sort();
      assert.deepStrictEqual(actual, expected);
    } finally {
      await edits.shutdown();
    }
  });
});
