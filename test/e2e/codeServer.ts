// Starts and stops a code-server (VS Code 1.100.3 in the browser, extensions in a Node extension
// host) for tests: free 127.0.0.1 port, no auth, its own XDG folders, user-data and extensions
// folders, settings.json; optional .vsix installs; stopped by killing its process group.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { CodeServerInstall, findCodeServer, installCodeServer } from './setup';
import { formatMs, freePort, keepData, log, mkdirp, rmrf, run, spawnGroup, tail, tempDir, waitFor } from './util';

/** Settings that keep the workbench quiet and predictable in tests. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  // Test workspaces live inside this repository; do not offer to open its git repository.
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** Folder opened by default (positional argument and the default of workbenchUrl()). */
  folder?: string;
  /** .vsix files to install (code-server --install-extension) before the server starts. */
  extensions?: string[];
  /** Merged over DEFAULT_SETTINGS into <user-data-dir>/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for its extension host (and language servers). */
  env?: NodeJS.ProcessEnv;
  /** Label used in folder and log names. */
  name?: string;
  /** Fixed port; default: a free one. */
  port?: number;
  /** Default 60 s. */
  startTimeoutMs?: number;
  /** The install to use; default: the cached one, installing it if needed. */
  install?: CodeServerInstall;
}

export interface CodeServer {
  host: '127.0.0.1';
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  pid: number;
  folder?: string;
  dirs: { root: string; userData: string; extensions: string; xdgConfig: string; xdgData: string; xdgCache: string };
  /** code-server's own output (stdout and stderr). */
  logFile: string;
  /** vscode-remote://127.0.0.1:PORT/<absolute path>: how the workbench names a file of this server. */
  remoteUri(absolutePath: string): string;
  /** The workbench address, opening `folder` (default: the server's folder) and passing a payload. */
  workbenchUrl(options?: { folder?: string; payload?: [string, string][] }): string;
  /** Kills the process group and removes the temporary folders (kept when E2E_KEEP=1). */
  stop(): Promise<void>;
}

function writeSettings(userData: string, settings: Record<string, unknown>): void {
  const dir = mkdirp(path.join(userData, 'User'));
  fs.writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

function commonArgs(dirs: CodeServer['dirs']): string[] {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function isolatedEnv(dirs: CodeServer['dirs'], extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    ...extra,
  };
  // Variables a surrounding code-server/VS Code terminal would pass on; they confuse a nested one.
  for (const key of ['VSCODE_IPC_HOOK_CLI', 'VSCODE_PROXY_URI', 'CODE_SERVER_PARENT_PID', 'PASSWORD', 'HASHED_PASSWORD']) delete env[key];
  return env;
}

function healthz(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${origin}/healthz`, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Installs .vsix files into the extensions folder of `dirs` (code-server must not be running on them). */
export async function installExtensions(install: CodeServerInstall, dirs: CodeServer['dirs'], vsixFiles: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  for (const vsix of vsixFiles) {
    if (!fs.existsSync(vsix)) throw new Error(`No such .vsix: ${vsix}`);
    const start = Date.now();
    const r = await run(process.execPath, [install.entry, ...commonArgs(dirs), '--force', '--install-extension', vsix], {
      env: isolatedEnv(dirs, env),
      timeoutMs: 120_000,
    });
    const out = r.stdout + r.stderr;
    if (r.code !== 0 || !/successfully installed|already installed/i.test(out)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.code}):\n${tail(out, 30)}`);
    }
    log(`installed ${path.basename(vsix)} into code-server in ${formatMs(Date.now() - start)}`);
  }
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const install = options.install ?? findCodeServer() ?? (await installCodeServer());
  const root = tempDir(`code-server-${(options.name ?? 'run').replace(/[^A-Za-z0-9_-]+/g, '-')}`);
  const dirs: CodeServer['dirs'] = {
    root,
    userData: mkdirp(path.join(root, 'user-data')),
    extensions: mkdirp(path.join(root, 'extensions')),
    xdgConfig: mkdirp(path.join(root, 'xdg-config')),
    xdgData: mkdirp(path.join(root, 'xdg-data')),
    xdgCache: mkdirp(path.join(root, 'xdg-cache')),
  };
  writeSettings(dirs.userData, { ...DEFAULT_SETTINGS, ...options.settings });
  try {
    if (options.extensions?.length) await installExtensions(install, dirs, options.extensions, options.env);
  } catch (err) {
    if (!keepData()) rmrf(root);
    throw err;
  }

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(root, 'code-server.log');
  const args = [
    install.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonArgs(dirs),
  ];
  if (options.folder) args.push(options.folder);
  const start = Date.now();
  const proc = spawnGroup(process.execPath, args, { env: isolatedEnv(dirs, options.env), logFile, cwd: root });

  let stopped = false;
  const server: CodeServer = {
    host: '127.0.0.1',
    port,
    origin,
    pid: proc.pid,
    folder: options.folder,
    dirs,
    logFile,
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${path.resolve(absolutePath).split(path.sep).map(encodeURIComponent).join('/')}`,
    workbenchUrl: ({ folder = options.folder, payload } = {}) => {
      const params: string[] = [];
      if (folder) params.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
      if (payload) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${origin}/${params.length ? `?${params.join('&')}` : ''}`;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await proc.stop();
      if (keepData()) log(`kept code-server data in ${root}`);
      else rmrf(root);
    },
  };

  try {
    await waitFor(
      `code-server on ${origin}/healthz`,
      async () => {
        if (proc.child.exitCode !== null) {
          const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
          throw new Error(`code-server exited with ${proc.child.exitCode}:\n${tail(out, 30)}`);
        }
        return healthz(origin);
      },
      { timeoutMs: options.startTimeoutMs ?? 60_000, intervalMs: 150 },
    );
  } catch (err) {
    const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    await server.stop();
    throw new Error(`${(err as Error).message}\ncode-server output:\n${tail(out, 30)}`);
  }
  log(`code-server ${install.version} ready on ${origin} (pid ${proc.pid}) in ${formatMs(Date.now() - start)}`);
  return server;
}
