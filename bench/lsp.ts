/**
 * `npm run bench:lsp`: keystroke-to-diagnostics latency through the real
 * protocol over stdio on a 5,000-line ARM template (200 edits, median and
 * p95, debounce set to 0 for the run; the default is 200 ms), against
 * vscode-json-languageservice validating the same text against the ARM
 * deployment template schema, as VS Code does for such a file today: behind
 * the same protocol and transport (bench/jsonSchemaServer.ts), the two
 * servers taking turns edit by edit, and both analyses alone in process. Also the time from starting the server to its
 * first diagnostics and the extension's activation in code-server.
 *
 * The full schema set is a checkout of azure-resource-manager-schemas:
 * IOT_NETLINT_ARM_SCHEMAS=<checkout>/schemas npm run bench:lsp
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { localSchemas, TEMPLATE_SCHEMA } from './jsonSchemaServer';
import { DEFAULT_DEBOUNCE_MS } from '../server/src/lsp/settings';
import { LineIndex } from '../server/src/core/text/lines';
import { memoryHost } from '../server/src/core/host';
import { analyzeProject } from '../server/src/core/project';
import { LspClient } from '../test/support/lspClient';
import { CORPUS, listFiles, ROOT } from '../test/support/paths';
import { runExtensionTestsInCodeServer } from '../test/e2e/extensionHost';
import { ensurePrerequisites } from '../test/e2e/setup';
import { freshWorkspace } from '../test/e2e/util';

/**
 * Where the ARM schemas come from: a checkout of azure-resource-manager-schemas
 * (its `schemas` folder) named by IOT_NETLINT_ARM_SCHEMAS, else the corpus
 * subset. Schemas the folder lacks are validated as empty, which makes the
 * comparison kinder to the schema validator: the table says how many.
 */
const SCHEMAS = process.env.IOT_NETLINT_ARM_SCHEMAS
  ? path.resolve(process.env.IOT_NETLINT_ARM_SCHEMAS)
  : path.join(CORPUS, 'schemas', 'azure-resource-manager-schemas', 'schemas');
const EDITS = 200;
const QUICKSTARTS = path.join(CORPUS, 'templates', 'azure-quickstart-templates-2021fork');
const EDITED = 'restrictOutboundNetworkAccess';

/** A template of about 5,000 lines: hubs with routing and allow lists, storage accounts, role assignments. */
function template(lines: number): string {
  const resources: object[] = [];
  let text = '';
  for (let i = 0; ; i++) {
    resources.push(
      {
        type: 'Microsoft.Devices/IotHubs',
        apiVersion: '2023-06-30',
        name: `contoso-hub-${i}`,
        location: 'westeurope',
        sku: { name: 'S1', capacity: 1 },
        identity: { type: 'SystemAssigned' },
        properties: {
          restrictOutboundNetworkAccess: true,
          allowedFqdnList: [`iothub-ns-contoso-hu-${i}-abcdef0123.servicebus.windows.net`, `contoso${i}.blob.core.windows.net`],
          routing: {
            endpoints: { storageContainers: [{ name: 'archive', authenticationType: 'identityBased', endpointUri: `https://contoso${i}.blob.core.windows.net/`, containerName: 'telemetry' }] },
            routes: [{ name: 'archive', source: 'DeviceMessages', condition: 'true', endpointNames: ['archive'], isEnabled: true }],
            fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: true },
          },
        },
      },
      { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: `contoso${i}`, location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2', properties: { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } } },
      // The hub's identity may write to its storage account (Storage Blob Data Contributor), as identity-based routing needs.
      {
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: '2022-04-01',
        name: `[guid(resourceId('Microsoft.Storage/storageAccounts', 'contoso${i}'), 'contoso-hub-${i}')]`,
        scope: `[resourceId('Microsoft.Storage/storageAccounts', 'contoso${i}')]`,
        properties: {
          roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')]",
          principalId: `[reference(resourceId('Microsoft.Devices/IotHubs', 'contoso-hub-${i}'), '2023-06-30', 'Full').identity.principalId]`,
          principalType: 'ServicePrincipal',
        },
      },
    );
    text = JSON.stringify({ $schema: `${TEMPLATE_SCHEMA}#`, contentVersion: '1.0.0.0', resources }, null, 2);
    if (text.split('\n').length >= lines) return text;
  }
}

/** The same deployment in Bicep, of about as many lines: the hubs, accounts and assignments by symbol. */
function bicepFile(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `resource hub${i} 'Microsoft.Devices/IotHubs@2023-06-30' = {`,
      `  name: 'contoso-hub-${i}'`,
      `  location: 'westeurope'`,
      `  sku: {`,
      `    name: 'S1'`,
      `    capacity: 1`,
      `  }`,
      `  identity: {`,
      `    type: 'SystemAssigned'`,
      `  }`,
      `  properties: {`,
      `    ${EDITED}: true`,
      `    allowedFqdnList: [`,
      `      'iothub-ns-contoso-hu-${i}-abcdef0123.servicebus.windows.net'`,
      `      '\${storage${i}.name}.blob.\${environment().suffixes.storage}'`,
      `    ]`,
      `    routing: {`,
      `      endpoints: {`,
      `        storageContainers: [`,
      `          {`,
      `            name: 'archive'`,
      `            authenticationType: 'identityBased'`,
      `            endpointUri: storage${i}.properties.primaryEndpoints.blob`,
      `            containerName: 'telemetry'`,
      `          }`,
      `        ]`,
      `      }`,
      `      routes: [`,
      `        {`,
      `          name: 'archive'`,
      `          source: 'DeviceMessages'`,
      `          condition: 'true'`,
      `          endpointNames: [`,
      `            'archive'`,
      `          ]`,
      `          isEnabled: true`,
      `        }`,
      `      ]`,
      `    }`,
      `  }`,
      `}`,
      ``,
      `resource storage${i} 'Microsoft.Storage/storageAccounts@2023-01-01' = {`,
      `  name: 'contoso${i}'`,
      `  location: 'westeurope'`,
      `  sku: {`,
      `    name: 'Standard_LRS'`,
      `  }`,
      `  kind: 'StorageV2'`,
      `  properties: {`,
      `    networkAcls: {`,
      `      defaultAction: 'Deny'`,
      `      bypass: 'AzureServices'`,
      `    }`,
      `  }`,
      `}`,
      ``,
      `resource role${i} 'Microsoft.Authorization/roleAssignments@2022-04-01' = {`,
      `  name: guid(storage${i}.id, hub${i}.id)`,
      `  scope: storage${i}`,
      `  properties: {`,
      `    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')`,
      `    principalId: hub${i}.identity.principalId`,
      `    principalType: 'ServicePrincipal'`,
      `  }`,
      `}`,
      ``,
    );
  }
  return out.join('\n');
}

/** What a session edits: the document, its language, and the two spellings of the edited value it switches between. */
interface Edited {
  uri: string;
  languageId: string;
  text: string;
  /** The value as written first, and the other spelling (a string where a boolean belongs). */
  values: [string, string];
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] };
}

/**
 * Keystroke-to-diagnostics through the protocol over stdio: each edit turns
 * one hub's restriction from a boolean into a string and back, so the
 * diagnostics change every time.
 */
class Session {
  private position = { line: 0, character: 0 };
  private current: string;
  private version = 1;
  readonly samples: number[] = [];
  /** How many diagnostics each publish carried: what the transport and the client pay for, besides the analysis. */
  readonly published: number[] = [];
  startToFirst = 0;

  private server: LspClient | undefined;

  /** The server process starts when the session opens, so that no other server boots meanwhile and skews its start. */
  constructor(
    private readonly startServer: () => LspClient,
    private readonly document: Edited,
  ) {
    this.current = document.values[0];
  }

  get client(): LspClient {
    if (!this.server) throw new Error('The session is not open.');
    return this.server;
  }

  /** `folder`: a workspace folder whose templates the server reads and analyses with the edited one. */
  async open(initializationOptions?: object, folder?: string): Promise<void> {
    const started = performance.now();
    this.server = this.startServer();
    await this.client.initialize(folder ? pathToFileURL(folder).href : null, initializationOptions);
    if (folder) {
      // The background analysis of the workspace ends before the first keystroke.
      await this.client.waitFor((m) => m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end', 120000, true);
    }
    const { uri, languageId, text, values } = this.document;
    const first = this.client.waitForDiagnostics(uri, 1, 120000);
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await first;
    this.startToFirst = performance.now() - started;
    const key = languageId === 'bicep' ? `${EDITED}: ` : `"${EDITED}": `;
    const at = text.indexOf(key + values[0]) + key.length;
    this.position = new LineIndex(text).positionAt(at);
  }

  /** One keystroke, timed from sending the change to receiving the diagnostics of its version. */
  async edit(): Promise<void> {
    const [first, second] = this.document.values;
    const next = this.current === first ? second : first;
    const uri = this.document.uri;
    const version = ++this.version;
    // The end of what is replaced, which may span a line break.
    const lines = this.current.split('\n');
    const end = lines.length === 1 ? { line: this.position.line, character: this.position.character + this.current.length } : { line: this.position.line + lines.length - 1, character: lines[lines.length - 1].length };
    const range = { start: this.position, end };
    const published = this.client.waitForDiagnostics(uri, version, 30000);
    const sent = performance.now();
    this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: next }] });
    const diagnostics = await published;
    this.samples.push(performance.now() - sent);
    this.published.push(diagnostics.diagnostics.length);
    this.current = next;
  }

  async close(): Promise<void> {
    await this.server?.shutdown();
  }
}

/** The same edits validated by vscode-json-languageservice in process, without a protocol. */
async function jsonSchemaInProcess(text: string): Promise<number[]> {
  const service = getLanguageService({ schemaRequestService: localSchemas(SCHEMAS).read });
  service.configure({ validate: true, schemas: [{ uri: TEMPLATE_SCHEMA, fileMatch: ['*.json'] }] });
  const samples: number[] = [];
  for (let i = 0; i < EDITS + 1; i++) {
    const document = JsonTextDocument.create('file:///bench/template.json', 'json', i + 1, edited(text, i));
    const started = performance.now();
    await service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error' });
    // The first run loads the schemas: it is not a keystroke.
    if (i > 0) samples.push(performance.now() - started);
  }
  return samples;
}

/** The benchmark's keystroke: one value replaced by another, the kind of edit the server reads incrementally (json/patch.ts). */
function edited(text: string, i: number): string {
  return i % 2 ? text.replace(`"${EDITED}": true`, `"${EDITED}": "true"`) : text;
}

/** The analysis alone, in process: what the server does per keystroke before the protocol. */
function inProcessLatency(text: string): number[] {
  const samples: number[] = [];
  const cache = new Map();
  for (let i = 0; i < EDITS + 1; i++) {
    const started = performance.now();
    analyzeProject([{ id: 'file:///bench/template.json', text: edited(text, i) }], { host: memoryHost({}), cache });
    if (i > 0) samples.push(performance.now() - started);
  }
  return samples;
}

/** The extension's activation in code-server's extension host, when the real-editor prerequisites are here. */
async function activation(): Promise<{ activationMs: number; openToDiagnosticsMs: number } | undefined> {
  const prereq = await ensurePrerequisites({ want: ['codeServer', 'chromium'] });
  if (!prereq.codeServer || !prereq.chromiumPath) return undefined;
  const result = await runExtensionTestsInCodeServer({
    name: 'activation',
    folder: freshWorkspace(path.join(ROOT, 'examples'), 'activation'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'activation', 'index.js'),
    echo: false,
  });
  const text = result.log.join('\n');
  const activationMs = Number(/ACTIVATION_MS=([\d.]+)/.exec(text)?.[1]);
  const openToDiagnosticsMs = Number(/OPEN_TO_DIAGNOSTICS_MS=([\d.]+)/.exec(text)?.[1]);
  return result.exitCode === 0 && Number.isFinite(activationMs) ? { activationMs, openToDiagnosticsMs } : undefined;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('Run npm run build first.');
  const text = template(5000);
  const lineCount = text.split('\n').length;
  const schemaAvailable = fs.existsSync(path.join(SCHEMAS, '2019-04-01', 'deploymentTemplate.json'));
  const armDocument: Edited = { uri: 'file:///bench/template.json', languageId: 'json', text, values: ['true', '"true"'] };
  const ours = new Session(() => new LspClient(), armDocument);
  const theirs = schemaAvailable ? new Session(() => new LspClient([SCHEMAS], path.join(__dirname, 'jsonSchemaServer.js')), armDocument) : undefined;
  // The same keystrokes with a workspace folder of real templates, which the server analyses with the edited one.
  const workspaceFolder = fs.existsSync(QUICKSTARTS) ? QUICKSTARTS : undefined;
  const inWorkspace = workspaceFolder ? new Session(() => new LspClient(), armDocument) : undefined;
  // The same deployment written in Bicep.
  const bicepText = bicepFile(lineCount);
  const bicep = new Session(() => new LspClient(), { uri: 'file:///bench/main.bicep', languageId: 'bicep', text: bicepText, values: ['true', "'true'"] });
  // A line break typed before the value instead: an edit between tokens, after which the template is read whole.
  const lineBreaks = new Session(() => new LspClient(), { ...armDocument, values: ['true', '\n        true'] });
  try {
    await ours.open({ debounceMs: 0 });
    await theirs?.open();
    await inWorkspace?.open({ debounceMs: 0 }, workspaceFolder);
    await bicep.open({ debounceMs: 0 });
    await lineBreaks.open({ debounceMs: 0 });
    // The servers take turns, edit by edit, so that all meet the same moments of a shared, noisy machine.
    for (let i = 0; i < EDITS; i++) {
      await ours.edit();
      await theirs?.edit();
      await inWorkspace?.edit();
      await bicep.edit();
      await lineBreaks.edit();
    }
  } finally {
    await ours.close();
    await theirs?.close();
    await inWorkspace?.close();
    await bicep.close();
    await lineBreaks.close();
  }
  const o = stats(ours.samples);
  const inProcess = stats(inProcessLatency(text));
  let schemaLog = '';
  let json: { stdio: ReturnType<typeof stats>; inProcess: ReturnType<typeof stats> } | undefined;
  if (theirs) {
    schemaLog = theirs.client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message).join('; ');
    json = { stdio: stats(theirs.samples), inProcess: stats(await jsonSchemaInProcess(text)) };
  }
  console.log(
    `Node ${process.version}; a ${lineCount}-line template (${(text.length / 1024).toFixed(0)} KB); ${EDITS} edits, each replacing one value (${EDITED}: true <-> "true"), ` +
      `which the server reads incrementally (and a line break typed instead, which makes it read the template whole); debounce 0 ms for the run (default ${DEFAULT_DEBOUNCE_MS} ms).\n`,
  );
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const rows = [['measure', 'median', 'p95', 'target']];
  rows.push(['iot-netlint: keystroke to diagnostics (stdio)', ms(o.median), ms(o.p95), o.p95 <= 50 ? 'met (p95 <= 50 ms)' : 'MISSED (p95 <= 50 ms)']);
  if (json) {
    const j = json.stdio;
    rows.push(['JSON schema validation: keystroke to diagnostics (stdio)', ms(j.median), ms(j.p95), '']);
    rows.push(['ratio over stdio (iot-netlint / JSON schema)', ratio(o.median, j.median), ratio(o.p95, j.p95), o.p95 <= j.p95 ? 'met (<= 1x)' : 'MISSED (<= 1x)']);
    const l = stats(lineBreaks.samples);
    rows.push(['iot-netlint, a line break typed instead (stdio; the template read whole)', ms(l.median), ms(l.p95), '']);
    rows.push(['ratio over stdio, line breaks (iot-netlint / JSON schema)', ratio(l.median, j.median), ratio(l.p95, j.p95), '']);
    rows.push(['iot-netlint analysis alone, in process', ms(inProcess.median), ms(inProcess.p95), '']);
    rows.push(['JSON schema validation alone, in process', ms(json.inProcess.median), ms(json.inProcess.p95), '']);
    rows.push(['ratio in process (iot-netlint / JSON schema)', ratio(inProcess.median, json.inProcess.median), ratio(inProcess.p95, json.inProcess.p95), '']);
  } else {
    rows.push(['iot-netlint analysis alone, in process', ms(inProcess.median), ms(inProcess.p95), '']);
    console.warn(`NOTICE: no ARM schemas at ${SCHEMAS}: the JSON schema comparison is skipped.`);
  }
  if (inWorkspace) {
    const w = stats(inWorkspace.samples);
    const jsonFiles = listFiles(QUICKSTARTS, (f) => f.endsWith('.json')).length;
    rows.push([`iot-netlint, with the quickstarts folder as workspace (${jsonFiles} JSON files; stdio)`, ms(w.median), ms(w.p95), '']);
  } else {
    console.warn(`NOTICE: ${QUICKSTARTS} is absent: the workspace row is skipped.`);
  }
  const b = stats(bicep.samples);
  rows.push([`iot-netlint, the same deployment in Bicep (${bicepText.split('\n').length} lines; stdio)`, ms(b.median), ms(b.p95), b.p95 <= 50 ? 'met (p95 <= 50 ms)' : 'MISSED (p95 <= 50 ms)']);
  const perPublish = (s: Session) => `${Math.min(...s.published)} to ${Math.max(...s.published)}`;
  rows.push(['diagnostics per publish: iot-netlint', perPublish(ours), '', '']);
  if (theirs) rows.push(['diagnostics per publish: JSON schema validation', perPublish(theirs), '', '']);
  rows.push(['server start to first diagnostics (stdio)', `${ours.startToFirst.toFixed(0)} ms`, '', ours.startToFirst <= 300 ? 'met (<= 300 ms)' : 'MISSED (<= 300 ms)']);
  const host = await activation();
  if (host) {
    rows.push(['extension activation (code-server extension host)', ms(host.activationMs), '', host.activationMs <= 100 ? 'met (<= 100 ms)' : 'MISSED (<= 100 ms)']);
    rows.push(['open a template to its first diagnostics in VS Code', `${host.openToDiagnosticsMs.toFixed(0)} ms`, '', '']);
  } else {
    console.warn('NOTICE: code-server or Chromium is not available: the activation time is not measured.');
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  if (json) console.log(`\nSchemas from ${SCHEMAS}: ${schemaLog || 'no count reported'}.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
