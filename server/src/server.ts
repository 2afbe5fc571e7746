/**
 * The language server: findings as you type, quick fixes, fix-all, hovers,
 * and the whole workspace analysed in the background. Over IPC for VS Code
 * (`--node-ipc`), over standard input and output for other editors (`--stdio`).
 */
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, TOOL_FINDINGS } from './core/findings';
import { fixFiles, fixToApply } from './core/fixes/fixAll';
import { RULE_IDS } from './core/rules';
import { LineIndex } from './core/text/lines';
import { FIX_ALL_KIND, fixAllEdit, quickFixes } from './lsp/codeActions';
import { toDiagnostic } from './lsp/convert';
import { hover } from './lsp/hover';
import { DEFAULT_SETTINGS, readSettings, Settings } from './lsp/settings';
import { Analysis, canonicalUri, pathOfUri, Workspace } from './lsp/workspace';
import { tuneEngine } from './node/engine';

tuneEngine();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let canReadConfiguration = false;
let canRegisterWatchers = false;
let supportsRelatedInformation = false;
let supportsProgress = false;
/** `initializationOptions.debounceMs` overrides the setting (the latency benchmark sets 0). */
let debounceOverride: number | undefined;

/** Settings by resource: open documents by their URI, other files by their workspace folder. */
const settingsCache = new Map<string, Settings>();
const folderUris: string[] = [];
/** Each folder's URI ending in a slash, made once: settings are looked up for every file at every analysis. */
const folderPrefixes: string[] = [];

function settingsFor(uri: string): Settings {
  const direct = settingsCache.get(uri);
  if (direct) return direct;
  const i = folderPrefixes.findIndex((prefix) => uri.startsWith(prefix));
  const folder = i >= 0 ? folderUris[i] : undefined;
  return (folder && settingsCache.get(folder)) || settingsCache.get('') || DEFAULT_SETTINGS;
}

const workspace = new Workspace(settingsFor);
/** The client's spelling of each open document's URI, by canonical URI. */
const clientUris = new Map<string, string>();
let analysis: Analysis | undefined;
/** What each URI was last sent: its version, and its diagnostics as JSON once a comparison needed them. */
const published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[]; json?: string }>();
/** The pending analysis: a timer, or an immediate when there is no delay (a timer of 0 still waits a millisecond). */
let timer: { cancel(): void } | undefined;
let generation = 0;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  canReadConfiguration = !!capabilities.workspace?.configuration;
  canRegisterWatchers = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  supportsRelatedInformation = !!capabilities.textDocument?.publishDiagnostics?.relatedInformation;
  supportsProgress = !!capabilities.window?.workDoneProgress;
  const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; settings?: unknown };
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceOverride = options.debounceMs;
  if (options.settings) settingsCache.set('', readSettings(options.settings));
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  for (const uri of folders) {
    const folder = pathOfUri(uri);
    if (folder) {
      const folderUri = canonicalUri(uri);
      folderUris.push(folderUri);
      folderPrefixes.push(folderUri.endsWith('/') ? folderUri : folderUri + '/');
      workspace.folders.push(folder);
    }
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'iot-netlint', version: typeof IOT_NETLINT_VERSION === 'string' ? IOT_NETLINT_VERSION : '0.0.0-dev' },
  };
});

declare const IOT_NETLINT_VERSION: string | undefined;

connection.onInitialized(async () => {
  if (canReadConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'iotNetlint' });
  if (canRegisterWatchers) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: ['json', 'jsonc', 'bicep', 'bicepparam'].map((extension) => ({ globPattern: `**/*.${extension}` })),
    });
    workspace.watchesDisk = true;
  }
  await analyzeWorkspace();
});

/** Reads every template of the workspace folders, reporting progress, then analyses. */
async function analyzeWorkspace(): Promise<{ files: number; findings: number }> {
  let progress: WorkDoneProgressReporter | undefined;
  if (supportsProgress && workspace.folders.length) {
    progress = await connection.window.createWorkDoneProgress();
    progress.begin('IoT Network Lint', 0, 'Reading the workspace…', false);
  }
  let read = 0;
  for (const folder of workspace.folders) {
    for await (const file of workspace.discover(folder)) {
      await workspace.readFromDisk(file);
      if (++read % 25 === 0) progress?.report(`Read ${read} files`);
    }
  }
  progress?.report('Analysing…');
  await refreshSettings();
  const result = runAnalysis();
  progress?.done();
  let findings = 0;
  for (const list of result.findings.values()) findings += list.length;
  return { files: read, findings };
}

connection.onRequest('iotNetlint/analyzeWorkspace', () => analyzeWorkspace());

/** Asks the client for the settings of each folder and open document (once each, until they change). */
async function refreshSettings(): Promise<void> {
  if (!canReadConfiguration) return;
  const wanted = [...folderUris, ...[...clientUris.keys()]].filter((uri) => !settingsCache.has(uri));
  if (wanted.length === 0) return;
  const scopes = wanted.map((uri) => ({ scopeUri: clientUris.get(uri) ?? uri, section: 'iotNetlint' }));
  try {
    const values = await connection.workspace.getConfiguration(scopes);
    wanted.forEach((uri, i) => settingsCache.set(uri, readSettings(values[i], settingsCache.get('') ?? DEFAULT_SETTINGS)));
  } catch {
    // A client that cannot answer keeps the defaults.
  }
}

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!canReadConfiguration) settingsCache.set('', readSettings((change.settings as { iotNetlint?: unknown })?.iotNetlint));
  workspace.resetConfiguration(settingsFor);
  schedule(0);
});

connection.onDidChangeWatchedFiles(async (change) => {
  let configurationChanged = false;
  for (const event of change.changes) {
    const file = pathOfUri(event.uri);
    if (!file) continue;
    if (file.endsWith('.iot-netlint.json')) {
      workspace.resetConfiguration(settingsFor);
      configurationChanged = true;
      continue;
    }
    if (event.type === FileChangeType.Deleted) workspace.forget(event.uri);
    else if (workspace.inFolders(file)) await workspace.readFromDisk(file);
  }
  // Its ignore patterns decide which files of the workspace are read: they are read again.
  if (configurationChanged) await analyzeWorkspace();
  else schedule(0);
});

documents.onDidOpen((e) => {
  const uri = canonicalUri(e.document.uri);
  clientUris.set(uri, e.document.uri);
  workspace.open(uri, e.document.getText());
  schedule(0);
});

documents.onDidChangeContent((e) => {
  const uri = canonicalUri(e.document.uri);
  workspace.open(uri, e.document.getText());
  schedule(debounceOverride ?? settingsFor(uri).debounceMs);
});

documents.onDidClose(async (e) => {
  const uri = canonicalUri(e.document.uri);
  clientUris.delete(uri);
  settingsCache.delete(uri);
  await workspace.close(uri);
  schedule(0);
});

/**
 * Runs the analysis after `delay` ms without a new change. A newer change
 * replaces the pending run, and a run that finds the workspace changed while
 * it waited for settings gives way to the newer one.
 */
function schedule(delay: number): void {
  const mine = ++generation;
  timer?.cancel();
  const run = async () => {
    timer = undefined;
    await refreshSettings();
    if (mine !== generation) return;
    runAnalysis();
  };
  if (delay > 0) {
    const handle = setTimeout(run, delay);
    timer = { cancel: () => clearTimeout(handle) };
  } else {
    const handle = setImmediate(run);
    timer = { cancel: () => clearImmediate(handle) };
  }
}

function runAnalysis(): Analysis {
  // The previous analysis is let go before the next is built (nothing reads it meanwhile: analysis is synchronous),
  // so that the garbage collector does not copy two models on every collection during typing.
  analysis = undefined;
  try {
    analysis = workspace.analyze();
  } catch (error) {
    connection.console.error(`Analysis failed: ${(error as Error).stack ?? error}`);
    return { findings: new Map(), documents: new Map() };
  }
  // Line indexes of files no longer analysed would keep their texts alive.
  for (const uri of lineIndexes.keys()) if (!analysis.documents.has(uri)) lineIndexes.delete(uri);
  publish(analysis);
  return analysis;
}

/**
 * The line index of each analysed text, by URI, kept while the text stays the same (the unchanged files of a
 * workspace keep theirs from keystroke to keystroke). A map by URI rather than a weak map by document: a weak map
 * that outlives the analyses keeps each one's young objects alive through minor collections.
 */
const lineIndexes = new Map<string, { text: string; lines: LineIndex }>();

function linesOf(uri: string): LineIndex | undefined {
  const doc = analysis?.documents.get(uri);
  if (!doc) return undefined;
  let entry = lineIndexes.get(uri);
  if (!entry) lineIndexes.set(uri, (entry = { text: doc.text, lines: new LineIndex(doc.text) }));
  else if (entry.text !== doc.text) {
    // Updated in place, as the workspace's files are: a replaced entry would keep the old text reachable by minor collections.
    entry.text = doc.text;
    entry.lines = new LineIndex(doc.text);
  }
  return entry.lines;
}

function diagnosticOf(finding: Finding): Diagnostic {
  return toDiagnostic(finding, linesOf(finding.doc) ?? new LineIndex(''), linesOf, RULE_IDS.has(finding.ruleId), supportsRelatedInformation);
}

/** Sends the diagnostics that changed, and clears those of documents with none left. */
function publish(result: Analysis): void {
  const uris = new Set([...result.findings.keys(), ...published.keys(), ...clientUris.keys()]);
  for (const uri of uris) {
    const diagnostics = (result.findings.get(uri) ?? []).map(diagnosticOf);
    const clientUri = clientUris.get(uri) ?? uri;
    const version = documents.get(clientUri)?.version;
    // An open document hears about every version analysed (its client then knows the diagnostics are current);
    // other files only when their diagnostics change.
    const last = published.get(uri);
    if (last && last.version === version && sameDiagnostics(last, diagnostics)) continue;
    if (diagnostics.length || version !== undefined) published.set(uri, { version, diagnostics });
    else published.delete(uri);
    void connection.sendDiagnostics({ uri: clientUri, version, diagnostics });
  }
}

/** Compares as JSON, the only form both sides have; a new version is sent without comparing. */
function sameDiagnostics(last: { diagnostics: Diagnostic[]; json?: string }, diagnostics: Diagnostic[]): boolean {
  if (last.diagnostics.length !== diagnostics.length) return false;
  last.json ??= JSON.stringify(last.diagnostics);
  return last.json === JSON.stringify(diagnostics);
}

/**
 * The findings of a document for the text the editor has now. A request that
 * arrives before the debounced analysis (a save with fix-all, a hover right
 * after typing) runs the analysis at once rather than answer from stale offsets.
 */
function currentFindings(clientUri: string): { uri: string; findings: Finding[]; lines: LineIndex } | undefined {
  const uri = canonicalUri(clientUri);
  const text = documents.get(clientUri)?.getText();
  if (text !== undefined && analysis?.documents.get(uri)?.text !== text) {
    timer?.cancel();
    timer = undefined;
    generation++;
    runAnalysis();
  }
  const analysed = analysis?.documents.get(uri);
  const lines = linesOf(uri);
  if (!analysed || !lines || (text !== undefined && analysed.text !== text)) return undefined;
  return { uri, findings: analysis!.findings.get(uri) ?? [], lines };
}

connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
  const current = currentFindings(params.textDocument.uri);
  if (!current) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    actions.push(
      ...quickFixes(
        {
          uri: params.textDocument.uri,
          findings: current.findings,
          lines: current.lines,
          linesOf: (doc) => linesOf(doc),
          diagnosticOf,
          isRule: (id) => RULE_IDS.has(id),
          commentPrefix: '//',
        },
        params.range,
      ).map((a) => (a.edit?.changes ? { ...a, edit: { changes: toClientUris(a.edit.changes) } } : a)),
    );
  }
  if (wants(FIX_ALL_KIND) && current.findings.some((f) => fixToApply(f))) {
    const edit = fixAll(params.textDocument.uri);
    if (edit) actions.push({ title: 'Fix all IoT Network Lint findings', kind: FIX_ALL_KIND, edit });
  }
  return actions;
});

function toClientUris<T>(changes: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(changes).map(([uri, edits]) => [clientUris.get(uri) ?? uri, edits]));
}

/** Every safe fix of one document, applied in passes on its text, as one edit. */
function fixAll(clientUri: string) {
  const uri = canonicalUri(clientUri);
  const document = documents.get(clientUri);
  if (!document) return undefined;
  const before = document.getText();
  const files = new Map([[uri, { text: before }]]);
  try {
    fixFiles(files, () => {
      workspace.open(uri, files.get(uri)!.text);
      const result = workspace.analyze();
      // A suppression comment that looks unused while the code is half typed is not removed on save: its quick fix removes it.
      return (result.findings.get(uri) ?? []).filter((f) => f.ruleId !== TOOL_FINDINGS.unusedDirective);
    });
  } finally {
    workspace.open(uri, before);
  }
  return fixAllEdit(clientUri, before, files.get(uri)!.text);
}

connection.onHover((params) => {
  const current = currentFindings(params.textDocument.uri);
  return current ? hover(current.findings, current.lines, params.position) ?? null : null;
});

documents.listen(connection);
connection.listen();
