/**
 * A plain JSON-RPC client for the language server over standard input and
 * output: Content-Length framing, requests with ids, notifications, and
 * answers to the server's own requests (configuration, progress, registrations).
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { ROOT } from './paths';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Diagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    codeDescription?: { href: string };
    source: string;
    message: string;
    relatedInformation?: Array<{ location: { uri: string }; message: string }>;
    tags?: number[];
  }>;
}

export class LspClient {
  private readonly process: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void }>();
  private readonly listeners: Array<(m: Message) => void> = [];
  /** The latest diagnostics the server published, by URI. */
  readonly diagnostics = new Map<string, Diagnostics>();
  readonly notifications: Message[] = [];
  stderr = '';
  /** What the client answers to `workspace/configuration`. */
  settings: unknown = { enable: true, rules: {} };

  /** Starts iot-netlint's server, or another server module given (the latency benchmark's JSON schema server). */
  constructor(args: string[] = [], serverModule = path.join(ROOT, 'server', 'bin', 'iot-netlint-language-server.js')) {
    this.process = spawn(process.execPath, [serverModule, ...args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method && message.id !== undefined) {
      // A request of the server's.
      let result: unknown = null;
      if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: unknown[] }).items;
        result = items.map(() => this.settings);
      }
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method) {
      this.notifications.push(message);
      if (message.method === 'textDocument/publishDiagnostics') {
        const d = message.params as Diagnostics;
        this.diagnostics.set(d.uri, d);
      }
      for (const l of this.listeners) l(message);
      return;
    }
    const waiting = this.pending.get(message.id as number);
    if (waiting) {
      this.pending.delete(message.id as number);
      waiting.resolve(message);
    }
  }

  write(message: object | string): void {
    const body = typeof message === 'string' ? message : JSON.stringify(message);
    this.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  /** Sends a request; resolves with the whole response message (result or error). */
  request(method: string, params: unknown): { id: number; response: Promise<Message> } {
    const id = this.nextId++;
    const response = new Promise<Message>((resolve) => this.pending.set(id, { resolve }));
    this.write({ jsonrpc: '2.0', id, method, params });
    return { id, response };
  }

  async call<T>(method: string, params: unknown): Promise<T> {
    const response = await this.request(method, params).response;
    if (response.error) throw new Error(`${method}: ${response.error.message}`);
    return response.result as T;
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Waits for a notification that satisfies `test` (also among those already received, when `past` is set). */
  waitFor(test: (m: Message) => boolean, timeoutMs = 10000, past = false): Promise<Message> {
    if (past) {
      const found = this.notifications.find(test);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for a notification. stderr:\n${this.stderr}`)), timeoutMs);
      const listener = (m: Message) => {
        if (!test(m)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(m);
      };
      this.listeners.push(listener);
    });
  }

  /** Waits for the diagnostics of a document (the next publication, or one with this version). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<Diagnostics> {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Diagnostics).uri === uri && (version === undefined || (m.params as Diagnostics).version === version),
      timeoutMs,
    ).then((m) => m.params as Diagnostics);
  }

  async initialize(rootUri: string | null, initializationOptions: object = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.call<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: true },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  async shutdown(): Promise<void> {
    if (!this.alive) return;
    try {
      await Promise.race([this.call('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // The process may be gone already.
    }
    await new Promise((r) => setTimeout(r, 100));
    if (this.alive) this.process.kill();
  }
}
