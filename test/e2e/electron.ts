// The same extension-host suites under desktop VS Code through @vscode/test-electron, for
// contributors with a desktop (or xvfb) and access to update.code.visualstudio.com. It downloads
// VS Code unless VSCODE_EXECUTABLE names a local one. Where the download cannot work (machines
// that only reach the npm registry) it fails with a clear message instead of hanging.
//
// CLI: node out/test/e2e/electron.js [--extension DIR] [--tests INDEX.js] [--workspace DIR] [--version 1.100.3]
//   default: the fixture extension and its passing suite.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { cacheRoot, formatMs, freshWorkspace, log, repoRoot } from './util';

export interface ElectronTestsOptions {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** Folder to open; default none. */
  workspace?: string;
  /** VS Code version to download; default 1.100.3 (what code-server 4.100.3 contains). */
  version?: string;
  /** A local VS Code executable instead of a download; default VSCODE_EXECUTABLE. */
  vscodeExecutablePath?: string;
  /** Extra environment for the extension host (e.g. E2E_TESTS_ROOT for suiteIndex.run). */
  extensionTestsEnv?: Record<string, string | undefined>;
  /** Abort the download when no data arrives for this long; default 15 s. */
  downloadTimeoutMs?: number;
  /** Overall limit for download plus test run; default 15 min. */
  timeoutMs?: number;
}

export const ELECTRON_VSCODE_VERSION = '1.100.3';

/** Explains a failure of @vscode/test-electron in terms of what to do about it. */
export function explainElectronFailure(err: unknown): Error {
  const e = err as NodeJS.ErrnoException & { message?: string };
  const message = e?.message ?? String(err);
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|timed? ?out|socket hang up|getaddrinfo|certificate|status code 40[37]/i.test(
    `${e?.code ?? ''} ${message}`,
  );
  if (offline) {
    return new Error(
      `@vscode/test-electron could not download VS Code (${message}). It needs internet access to ` +
        'update.code.visualstudio.com. Without it, run the same suites in code-server with `npm test` ' +
        '(test/e2e/harness.test.ts), or set VSCODE_EXECUTABLE to a VS Code installed on this machine.',
    );
  }
  if (/exit code|SIGSEGV|DISPLAY|Missing X server|cannot open display/i.test(message)) {
    return new Error(
      `VS Code (Electron) did not run the tests: ${message}. On Linux without a desktop, run it under ` +
        'xvfb-run (apt-get install xvfb). The code-server harness (npm test) needs no display.',
    );
  }
  return err instanceof Error ? err : new Error(message);
}

/** Runs the suite under desktop VS Code; resolves with the exit code (0: passed), rejects with an explained error. */
export async function runTestsInElectron(options: ElectronTestsOptions): Promise<number> {
  const vscodeExecutablePath = options.vscodeExecutablePath ?? process.env.VSCODE_EXECUTABLE;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const launchArgs = ['--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry'];
  if (options.workspace) launchArgs.unshift(path.resolve(options.workspace));
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`@vscode/test-electron did not finish within ${formatMs(timeoutMs)}`)), timeoutMs);
  });
  try {
    const code = await Promise.race([
      runTests({
        version: vscodeExecutablePath ? undefined : (options.version ?? ELECTRON_VSCODE_VERSION),
        vscodeExecutablePath,
        cachePath: path.join(cacheRoot, 'vscode-test'),
        extensionDevelopmentPath: path.resolve(options.extensionDevelopmentPath),
        extensionTestsPath: path.resolve(options.extensionTestsPath),
        extensionTestsEnv: options.extensionTestsEnv,
        launchArgs,
        timeout: options.downloadTimeoutMs ?? 15_000,
      }),
      limit,
    ]);
    log(`@vscode/test-electron: exit code ${code} after ${formatMs(Date.now() - start)}`);
    return code;
  } catch (err) {
    throw explainElectronFailure(err);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const extensionDevelopmentPath = arg('--extension') ?? path.join(repoRoot, 'test', 'e2e', 'fixture-extension');
  const extensionTestsPath = arg('--tests') ?? path.join(__dirname, 'fixture-extension', 'suite', 'index.js');
  const workspace =
    arg('--workspace') ??
    (arg('--extension') ? undefined : freshWorkspace(path.join(repoRoot, 'test', 'e2e', 'fixture-extension', 'workspace'), 'electron'));
  return runTestsInElectron({ extensionDevelopmentPath, extensionTestsPath, workspace, version: arg('--version') });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`\n${err.message}\n`);
      process.exit(1);
    },
  );
}
