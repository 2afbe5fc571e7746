// Small shared helpers for the real-editor harness: paths, logging, phase timing,
// child processes that are always killed as a whole process group, free ports, polling.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { keepTestData, tempFolder } from '../support/tempFolders';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const name = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name;
        if (name === 'iot-netlint') return dir;
      } catch {
        // not a readable package.json; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Could not find the iot-netlint repository above ${start}`);
    dir = parent;
  }
}

/** The repository root (the folder whose package.json is named iot-netlint). */
export const repoRoot = findRepoRoot(__dirname);
/** Where downloaded and built tools are kept, keyed by version (git-ignored). */
export const cacheRoot = process.env.E2E_CACHE_DIR ?? path.join(repoRoot, '.cache');
/** Where screenshots, logs and throwaway workspaces of test runs go (git-ignored). */
export const outputRoot = process.env.E2E_OUTPUT_DIR ?? path.join(repoRoot, '.test-output', 'e2e');
/** The folder of the TypeScript sources of the harness (test/e2e), also when running compiled code. */
export const e2eSourceRoot = path.join(repoRoot, 'test', 'e2e');

export const isCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');
export const keepData = keepTestData;

export function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

/** Prints a message framed so that it cannot be missed in a long test log. */
export function loudNotice(lines: string[]): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n\n`);
}

export interface PhaseTiming {
  name: string;
  ms: number;
}
/** Every phase timed in this process, in order. */
export const timings: PhaseTiming[] = [];

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Runs fn, prints how long it took and records it in `timings`. */
export async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    const ms = Date.now() - start;
    timings.push({ name, ms });
    log(`phase "${name}" took ${formatMs(ms)}`);
  }
}

export function mkdirp(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function rmrf(target: string): void {
  fs.rmSync(target, { recursive: true, force: true, maxRetries: 3 });
}

/** A new empty folder below `<outputRoot>/<kind>/`, named after `name` and the time. */
export function freshDir(kind: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
  const dir = path.join(outputRoot, kind, `${safe}-${Date.now().toString(36)}-${process.pid}`);
  rmrf(dir);
  return mkdirp(dir);
}

/**
 * A new empty temporary folder outside the repository (for tool state such as XDG folders).
 * Removed at process exit if still there (unless E2E_KEEP=1); owners remove it earlier.
 */
export function tempDir(prefix: string): string {
  installExitHook();
  return tempFolder(`e2e-${prefix}`);
}

/** Copies a fixture folder into a fresh folder below the output root and returns its path. */
export function freshWorkspace(sourceDir: string, name: string): string {
  const dir = freshDir('workspaces', name);
  fs.cpSync(sourceDir, dir, { recursive: true });
  return dir;
}

/** Finds an executable on PATH (or checks an absolute path). */
export function which(command: string): string | undefined {
  const candidates = command.includes('/')
    ? [command]
    : (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, command));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Resolves with a TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined/false, or throws after timeoutMs. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 30_000, intervalMs = 200 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${formatMs(timeoutMs)} waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Process groups. Every long-lived child is started with detached: true, which makes it the
// leader of a new process group; stopping it signals the whole group (-pid), so grandchildren
// (extension hosts, language servers, Chromium renderers) go too. A process 'exit' hook kills
// any group still registered, as a last resort if a test run is interrupted.

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killLiveGroups(): void {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killLiveGroups);
  // Ctrl+C or a CI runner's SIGTERM end Node without the 'exit' event unless someone listens.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      killLiveGroups();
      // Others (mocha) may handle the signal themselves; if nobody else does, end as Node would.
      if (process.listenerCount(signal) === 1) process.exit(code);
    });
  }
}

/** True while any process of the group led by pid is alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface SpawnGroupOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** File that receives stdout and stderr; if omitted, output is kept in memory (see `output()`). */
  logFile?: string;
}

export interface GroupProcess {
  child: cp.ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Output collected so far (only when no logFile was given). */
  output(): string;
  /** SIGTERM to the group, then SIGKILL to whatever is left after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnGroup(command: string, args: string[], options: SpawnGroupOptions = {}): GroupProcess {
  installExitHook();
  let logFd: number | undefined;
  if (options.logFile) {
    mkdirp(path.dirname(options.logFile));
    logFd = fs.openSync(options.logFile, 'a');
  }
  const child = cp.spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', logFd ?? 'pipe', logFd ?? 'pipe'],
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  if (child.pid === undefined) {
    throw new Error(`Could not start ${command}`);
  }
  const pid = child.pid;
  liveGroups.add(pid);
  let buffer = '';
  child.stdout?.on('data', (d: Buffer) => (buffer += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (buffer += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', () => resolve({ code: null, signal: null }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const stop = async (graceMs = 5_000): Promise<void> => {
    if (!groupAlive(pid)) {
      liveGroups.delete(pid);
      return;
    }
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // gone already
    }
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone already
      }
      const hardDeadline = Date.now() + 5_000;
      while (groupAlive(pid) && Date.now() < hardDeadline) await sleep(50);
    }
    liveGroups.delete(pid);
  };
  return { child, pid, exited, output: () => buffer, stop };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Appends stdout and stderr to this file as they arrive. */
  logFile?: string;
  /** Echo output lines to this process's stdout as they arrive, each prefixed with this string. */
  echoPrefix?: string;
  input?: string;
}

/** Runs a command to completion in its own process group; kills the group on timeout. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  installExitHook();
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = cp.spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) liveGroups.add(child.pid);
    const logStream = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const echo = (chunk: string): void => {
      if (options.echoPrefix === undefined) return;
      for (const line of chunk.split('\n')) if (line.trim()) process.stdout.write(`${options.echoPrefix}${line}\n`);
    };
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      logStream?.write(d);
      echo(d.toString());
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      logStream?.write(d);
      echo(d.toString());
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) {
              try {
                process.kill(-child.pid, 'SIGKILL');
              } catch {
                // gone already
              }
            }
          }, options.timeoutMs);
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      logStream?.end();
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const pid = child.pid;
      if (pid !== undefined) {
        // Leftovers of the group (daemons the command started) are not wanted either.
        if (groupAlive(pid)) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // gone already
          }
        }
        liveGroups.delete(pid);
      }
      logStream?.end();
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - start });
    });
  });
}

/** The last `count` lines of a text, for error messages. */
export function tail(text: string, count = 40): string {
  const lines = text.trimEnd().split('\n');
  return lines.slice(-count).join('\n');
}

/** PIDs and command lines of running processes whose command line contains `needle` (Linux /proc). */
export function processesMatching(needle: string): { pid: number; cmdline: string }[] {
  if (!fs.existsSync('/proc')) return [];
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (cmdline.includes(needle)) found.push({ pid: Number(entry), cmdline });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}
