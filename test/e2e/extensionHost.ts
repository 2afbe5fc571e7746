// Runs a mocha suite inside code-server's real extension host, the way @vscode/test-electron
// does on the desktop: the workbench URL carries a `payload` with extensionDevelopmentPath and
// extensionTestsPath; the workbench reports the suite's log lines through
// window.codeAutomationLog and its exit code through window.codeAutomationExit.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import { launchChromium, screenshot } from './browser';
import { CodeServer, CodeServerOptions, startCodeServer } from './codeServer';
import { formatMs, freshDir, log } from './util';

export interface ExtensionTestsOptions {
  /** A running code-server (see startCodeServer); the page is opened on it. */
  server: CodeServer;
  /** Folder with the extension's package.json. */
  extensionDevelopmentPath: string;
  /** The compiled module that exports run(): Promise<void> (see suiteIndex.ts). */
  extensionTestsPath: string;
  /** Workspace folder to open; default: the server's folder. */
  folder?: string;
  /** Default 180 s. */
  timeoutMs?: number;
  /** Used for the output folder name. */
  name?: string;
  /**
   * Echo log lines as they arrive: 'suite' (default) from the suite's first line on, leaving out
   * the workbench's start-up chatter; true for everything; false for nothing. log.txt has all.
   */
  echo?: boolean | 'suite';
}

export interface ExtensionTestsResult {
  /** 0 when the suite passed; 1 when it failed (its stack is in `log`). */
  exitCode: number;
  /** Lines the workbench reported through codeAutomationLog (the suite's console output among them). */
  log: string[];
  /** Console messages and page errors of the browser page (for diagnosing the workbench itself). */
  pageConsole: string[];
  durationMs: number;
  /** Where log files, the workbench's own logs and screenshots of this run were written. */
  outputDir: string;
  /** Set when a screenshot was taken (on failure or timeout). */
  screenshot?: string;
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Opens the workbench with the test payload in a fresh Chromium and waits for the suite to exit. */
export async function runExtensionTests(options: ExtensionTestsOptions): Promise<ExtensionTestsResult> {
  const { server } = options;
  const name = options.name ?? path.basename(path.dirname(options.extensionTestsPath));
  const outputDir = freshDir('extension-tests', name);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const echo = options.echo ?? 'suite';
  let echoing = echo === true;
  const logLines: string[] = [];
  const pageConsole: string[] = [];
  const start = Date.now();

  for (const [what, p] of [
    ['extensionDevelopmentPath', path.join(options.extensionDevelopmentPath, 'package.json')],
    ['extensionTestsPath', options.extensionTestsPath],
  ] as const) {
    if (!fs.existsSync(p)) throw new Error(`${what}: ${p} does not exist (not compiled yet?)`);
  }

  const url = server.workbenchUrl({
    folder: options.folder,
    payload: [
      ['extensionDevelopmentPath', server.remoteUri(options.extensionDevelopmentPath)],
      ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
    ],
  });
  fs.writeFileSync(path.join(outputDir, 'url.txt'), `${url}\n`);

  const browser = await launchChromium({ name });
  const { page } = browser;
  let shot: string | undefined;
  try {
    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
      // args are console arguments: a printf-style format string and its values (mocha's reporter uses them).
      const text = Array.isArray(args) ? format(...(args as unknown[])) : stringify(args);
      for (const line of text.split('\n')) {
        logLines.push(line);
        if (echo === 'suite' && line.startsWith('[suite] ')) echoing = true;
        if (echoing) process.stdout.write(`    [exthost ${stringify(type)}] ${line}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
      // The workbench passes its own log files along; keep them for diagnosis.
      if (Array.isArray(logs)) {
        for (const entry of logs as { relativePath?: string; contents?: string }[]) {
          if (!entry?.relativePath || typeof entry.contents !== 'string') continue;
          const file = path.join(outputDir, 'workbench-logs', entry.relativePath.replace(/\.\.(\/|\\)/g, ''));
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, entry.contents);
        }
      }
      settle(typeof code === 'number' ? code : Number(code));
    });
    page.on('console', (msg) => pageConsole.push(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => pageConsole.push(`[pageerror] ${err.message}`));

    log(`extension tests "${name}": opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([exited, timedOut]);
    if (timer) clearTimeout(timer);
    fs.writeFileSync(path.join(outputDir, 'log.txt'), `${logLines.join('\n')}\n`);
    fs.writeFileSync(path.join(outputDir, 'page-console.txt'), `${pageConsole.join('\n')}\n`);
    if (outcome === 'timeout') {
      shot = await screenshot(page, 'timeout', outputDir).catch(() => undefined);
      throw new Error(
        `Extension tests "${name}" did not finish within ${formatMs(timeoutMs)}; ` +
          `screenshot: ${shot ?? 'none'}; logs: ${outputDir}\nlast log lines:\n${logLines.slice(-20).join('\n')}\n` +
          `last page console lines:\n${pageConsole.slice(-20).join('\n')}`,
      );
    }
    if (outcome !== 0) shot = await screenshot(page, `exit-${outcome}`, outputDir).catch(() => undefined);
    const durationMs = Date.now() - start;
    log(`extension tests "${name}": exit code ${outcome} after ${formatMs(durationMs)} (output: ${outputDir})`);
    return { exitCode: outcome, log: logLines, pageConsole, durationMs, outputDir, screenshot: shot };
  } finally {
    await browser.close();
  }
}

/** Starts a code-server, runs the suite, stops the server: the one-call form for a single suite. */
export async function runExtensionTestsInCodeServer(
  options: Omit<ExtensionTestsOptions, 'server'> & { folder: string; codeServer?: CodeServerOptions },
): Promise<ExtensionTestsResult> {
  const server = await startCodeServer({ name: options.name, folder: options.folder, ...options.codeServer });
  try {
    return await runExtensionTests({ ...options, server });
  } finally {
    await server.stop();
  }
}
