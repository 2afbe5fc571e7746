// Installs what the real-editor tests need, idempotently, and says what it does:
//   - Debian packages (chromium, neovim, and for building code-server: ripgrep, build-essential,
//     python3, pkg-config, libkrb5-dev) through apt-get when running as root and they are missing;
//   - code-server from npm into <repo>/.cache/code-server-<version>, built from source.
// When something cannot be had, it throws under CI=true and otherwise returns a "skip" result
// after printing a loud notice, so that a contributor's `npm test` still runs everything else.
//
// CLI: node out/test/e2e/setup.js [--no-code-server] [--no-chromium] [--no-neovim]
//   exit 0: ready; exit 3: something is missing and the tests will be skipped; exit 1: error.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheRoot, formatMs, isCI, log, loudNotice, mkdirp, rmrf, run, sleep, tail, which } from './util';

export const CODE_SERVER_VERSION = '4.100.3';
/** code-server 4.100.3 declares engines.node "20" and its postinstall refuses other majors. */
export const CODE_SERVER_NODE_MAJOR = 20;
/** @vscode/ripgrep version inside code-server 4.100.3 and the release it wants to download. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';

export type Prerequisite = 'codeServer' | 'chromium' | 'neovim';

export interface SetupOptions {
  /** Which prerequisites are wanted; default: all three. */
  want?: Prerequisite[];
  /** Allow apt-get (only used when running as root); default true unless E2E_NO_APT=1. */
  allowApt?: boolean;
  /** Fail instead of skipping; default: CI=true. */
  strict?: boolean;
  /** Echo the build output of code-server's install as it happens; default false (it goes to a log file). */
  verbose?: boolean;
}

export interface CodeServerInstall {
  version: string;
  /** Folder of the cached install (contains node_modules/code-server). */
  root: string;
  /** The script to run with node: node_modules/code-server/out/node/entry.js. */
  entry: string;
}

export interface SetupResult {
  /** True when everything that was wanted is available. */
  ok: boolean;
  /** One line per missing prerequisite (empty when ok). */
  missing: { what: Prerequisite; reason: string }[];
  codeServer?: CodeServerInstall;
  chromiumPath?: string;
  nvimPath?: string;
  /** Milliseconds per step, e.g. { apt: 31000, 'code-server install': 60000 }. */
  timings: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Debian packages

interface SystemPackage {
  apt: string;
  neededFor: 'codeServerBuild' | 'chromium' | 'neovim';
  present: () => boolean;
}

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return which(fromEnv);
  return which('/usr/bin/chromium') ?? which('chromium') ?? which('chromium-browser');
}

const SYSTEM_PACKAGES: SystemPackage[] = [
  { apt: 'chromium', neededFor: 'chromium', present: () => chromiumExecutable() !== undefined },
  { apt: 'neovim', neededFor: 'neovim', present: () => which('nvim') !== undefined },
  { apt: 'ripgrep', neededFor: 'codeServerBuild', present: () => which('rg') !== undefined },
  {
    apt: 'build-essential',
    neededFor: 'codeServerBuild',
    present: () => ['make', 'gcc', 'g++'].every((c) => which(c) !== undefined),
  },
  { apt: 'python3', neededFor: 'codeServerBuild', present: () => which('python3') !== undefined },
  { apt: 'pkg-config', neededFor: 'codeServerBuild', present: () => which('pkg-config') !== undefined },
  // kerberos (a code-server dependency) compiles against gssapi/gssapi.h.
  {
    apt: 'libkrb5-dev',
    neededFor: 'codeServerBuild',
    present: () => ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((f) => fs.existsSync(f)),
  },
];

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

async function installSystemPackages(packages: string[], timings: Record<string, number>): Promise<string | undefined> {
  if (packages.length === 0) return undefined;
  if (!isRoot()) return `not root, cannot install: ${packages.join(' ')} (run: sudo apt-get install -y ${packages.join(' ')})`;
  if (!which('apt-get')) return `apt-get not found, cannot install: ${packages.join(' ')}`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const start = Date.now();
  log(`apt-get update (needed to install: ${packages.join(' ')})`);
  const update = await run('apt-get', ['update', '-qq'], { env, timeoutMs: 10 * 60_000 });
  if (update.code !== 0) return `apt-get update failed:\n${tail(update.stdout + update.stderr, 20)}`;
  log(`apt-get install -y ${packages.join(' ')}`);
  const install = await run('apt-get', ['install', '-y', '-qq', ...packages], { env, timeoutMs: 20 * 60_000 });
  timings.apt = Date.now() - start;
  if (install.code !== 0) return `apt-get install failed:\n${tail(install.stdout + install.stderr, 20)}`;
  log(`apt-get installed ${packages.join(' ')} in ${formatMs(timings.apt)}`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// code-server

export const codeServerDir = (version = CODE_SERVER_VERSION): string => path.join(cacheRoot, `code-server-${version}`);
const MARKER = '.installed.json';

/** Files whose absence means the native parts of code-server were not built. */
const NATIVE_FILES = [
  'node_modules/code-server/out/node/entry.js',
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'node_modules/code-server/lib/vscode/node_modules.asar',
  'node_modules/argon2/lib/binding/napi-v3/argon2.node',
];

function missingFiles(root: string): string[] {
  return NATIVE_FILES.filter((f) => !fs.existsSync(path.join(root, f)));
}

/** The cached code-server install if it is complete, without installing anything. */
export function findCodeServer(version = CODE_SERVER_VERSION): CodeServerInstall | undefined {
  const root = codeServerDir(version);
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(root, MARKER), 'utf8')) as { version?: string; nodeMajor?: number };
    if (marker.version !== version || marker.nodeMajor !== nodeMajor()) return undefined;
  } catch {
    return undefined;
  }
  if (missingFiles(root).length > 0) return undefined;
  return { version, root, entry: path.join(root, 'node_modules/code-server/out/node/entry.js') };
}

const nodeMajor = (): number => Number(process.versions.node.split('.')[0]);

/** npm settings this npm knows (`npm config get x` prints "undefined" for unknown keys). */
async function npmKnows(npm: string, key: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const r = await run(npm, ['config', 'get', key], { env, timeoutMs: 30_000 });
  return r.code === 0 && r.stdout.trim() !== 'undefined';
}

/** Headers of the running node, when they sit next to it (distribution packages); saves node-gyp a download. */
function localNodeHeaders(): string | undefined {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  const versionFile = path.join(prefix, 'include', 'node', 'node_version.h');
  try {
    const text = fs.readFileSync(versionFile, 'utf8');
    const get = (n: string): string | undefined => new RegExp(`#define NODE_${n}_VERSION (\\d+)`).exec(text)?.[1];
    const headers = `${get('MAJOR')}.${get('MINOR')}.${get('PATCH')}`;
    return headers === process.versions.node ? prefix : undefined;
  } catch {
    return undefined;
  }
}

async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // being written or removed
      }
      let alive = false;
      if (Number.isInteger(holder) && holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      if (!alive && Number.isInteger(holder)) {
        log(`removing stale install lock of process ${holder}`);
        rmrf(lockDir);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the install lock ${lockDir}`);
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmrf(lockDir);
  }
}

/**
 * Installs code-server@version into the cache (or returns the cached one).
 * Throws with the tail of the install log when the install fails.
 */
export async function installCodeServer(
  { version = CODE_SERVER_VERSION, verbose = false }: { version?: string; verbose?: boolean } = {},
  timings: Record<string, number> = {},
): Promise<CodeServerInstall> {
  const cached = findCodeServer(version);
  if (cached) {
    log(`code-server ${version}: cached in ${cached.root}`);
    return cached;
  }
  if (nodeMajor() !== CODE_SERVER_NODE_MAJOR) {
    throw new Error(
      `code-server ${version} needs Node.js ${CODE_SERVER_NODE_MAJOR} (its postinstall refuses others); this is Node.js ${process.versions.node}`,
    );
  }
  mkdirp(cacheRoot);
  return withLock(path.join(cacheRoot, `code-server-${version}.lock`), async () => {
    const again = findCodeServer(version);
    if (again) return again;
    const start = Date.now();
    const finalDir = codeServerDir(version);
    const staging = `${finalDir}.staging-${process.pid}`;
    const logFile = path.join(cacheRoot, `code-server-${version}-install.log`);
    rmrf(staging);
    mkdirp(staging);
    fs.writeFileSync(logFile, '');

    // 1. @vscode/ripgrep downloads rg from GitHub in its postinstall; give it a tarball in its
    //    download cache (os.tmpdir()/vscode-ripgrep-cache-<version>/) made from the local rg.
    const tmp = mkdirp(path.join(staging, '.tmp'));
    const rg = which('rg');
    if (!rg) throw new Error('ripgrep (rg) is needed to install code-server offline (apt-get install ripgrep)');
    const rgCache = mkdirp(path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`));
    const arch = os.arch() === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
    const tarball = path.join(rgCache, `ripgrep-${RIPGREP_RELEASE}-${arch}.tar.gz`);
    const tar = await run('tar', ['-czhf', tarball, '-C', path.dirname(rg), path.basename(rg)]);
    if (tar.code !== 0) throw new Error(`could not pack ${rg} for @vscode/ripgrep: ${tar.stderr}`);
    log(`code-server ${version}: ripgrep tarball for @vscode/ripgrep made from ${rg}`);

    // 2. npm. The policy for dependency install scripts (npm 11's allowScripts) only reaches the
    //    top-level install: code-server's own postinstall runs `npm install` again inside
    //    lib/vscode and lib/vscode/extensions (node-pty, kerberos, spdlog, watchdog, ripgrep...),
    //    and those nested installs are projects of their own. Allowing the two top-level
    //    packages in package.json keeps npm quiet about them; an `allow-scripts` config would
    //    be exported to the nested installs as npm_config_allow_scripts, which npm rejects
    //    there (EALLOWSCRIPTS), so it must not be set.
    fs.writeFileSync(
      path.join(staging, 'package.json'),
      `${JSON.stringify(
        {
          name: 'code-server-cache',
          private: true,
          description: `code-server ${version} for the real-editor tests of iot-netlint`,
          allowScripts: { [`code-server@${version}`]: true, 'argon2@0.31.2': true },
        },
        null,
        2,
      )}\n`,
    );
    const npm = which('npm');
    if (!npm) throw new Error('npm not found on PATH');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // The npm and node that run the install must be the Node 20 that runs the tests.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      TMPDIR: tmp,
      npm_config_yes: 'true', // node-pty's install step runs `npx node-gyp`
      npm_config_unsafe_perm: 'true', // code-server's postinstall insists on it when root
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    for (const key of Object.keys(env)) {
      if (/^npm_config_(allow_scripts|ignore_scripts)$/i.test(key)) delete env[key];
    }
    if (await npmKnows(npm, 'strict-allow-scripts', env)) {
      // Unreviewed scripts in the nested installs must warn, not fail.
      env.npm_config_strict_allow_scripts = 'false';
    }
    const nodedir = (await run(npm, ['config', 'get', 'nodedir'], { env, timeoutMs: 30_000 })).stdout.trim();
    if (!nodedir || nodedir === 'undefined' || nodedir === 'null') {
      const headers = localNodeHeaders();
      if (headers) {
        env.npm_config_nodedir = headers;
        log(`code-server ${version}: node-gyp will use the headers in ${headers}`);
      }
    }

    const npmArgs = ['install', `code-server@${version}`, '--save-exact', '--foreground-scripts', '--no-audit', '--no-fund'];
    const attempt = async (extraEnv: NodeJS.ProcessEnv): Promise<string[]> => {
      log(`code-server ${version}: npm ${npmArgs.join(' ')} (in ${staging}, log: ${logFile}); this takes about a minute`);
      const result = await run(npm, npmArgs, {
        cwd: staging,
        env: { ...env, ...extraEnv },
        timeoutMs: 20 * 60_000,
        logFile,
        echoPrefix: verbose ? '[code-server install] ' : undefined,
      });
      if (result.code !== 0 || result.timedOut) {
        throw new Error(
          `npm install code-server@${version} failed (${result.timedOut ? 'timed out' : `exit ${result.code}`}); ` +
            `full log: ${logFile}\n${tail(result.stdout + result.stderr, 40)}`,
        );
      }
      return missingFiles(staging);
    };

    let missing = await attempt({});
    if (missing.length > 0 && (await npmKnows(npm, 'dangerously-allow-all-scripts', env))) {
      // A newer npm that blocks unreviewed install scripts skips the native builds of the
      // nested installs. Allowing all scripts is the only setting that reaches them.
      loudNotice([
        `code-server ${version}: after npm install these are missing: ${missing.join(', ')}`,
        'npm apparently skipped install scripts of code-server\'s nested installs;',
        'retrying once with npm_config_dangerously_allow_all_scripts=true',
      ]);
      rmrf(path.join(staging, 'node_modules'));
      missing = await attempt({ npm_config_dangerously_allow_all_scripts: 'true' });
    }
    if (missing.length > 0) {
      throw new Error(
        `code-server ${version} installed without its native parts: ${missing.join(', ')}; full log: ${logFile}\n` +
          tail(fs.readFileSync(logFile, 'utf8'), 40),
      );
    }
    rmrf(tmp);
    const ms = Date.now() - start;
    fs.writeFileSync(
      path.join(staging, MARKER),
      `${JSON.stringify({ version, nodeMajor: nodeMajor(), node: process.versions.node, installedAt: new Date().toISOString(), installMs: ms }, null, 2)}\n`,
    );
    rmrf(finalDir);
    fs.renameSync(staging, finalDir);
    timings['code-server install'] = ms;
    log(`code-server ${version}: installed in ${formatMs(ms)} into ${finalDir}`);
    const installed = findCodeServer(version);
    if (!installed) throw new Error(`code-server ${version}: install finished but ${finalDir} does not verify`);
    return installed;
  });
}

// ---------------------------------------------------------------------------------------------
// Neovim

async function neovimVersion(nvim: string): Promise<[number, number] | undefined> {
  const r = await run(nvim, ['--version'], { timeoutMs: 15_000 });
  const m = /NVIM v(\d+)\.(\d+)/.exec(r.stdout);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

// ---------------------------------------------------------------------------------------------

const memo = new Map<string, Promise<SetupResult>>();

/**
 * Makes the wanted prerequisites available. Cheap when they already are (memoised per process).
 * Never throws for a missing prerequisite unless strict (default: CI=true); returns ok: false
 * and prints a loud notice instead.
 */
export function ensurePrerequisites(options: SetupOptions = {}): Promise<SetupResult> {
  const key = JSON.stringify({ ...options, want: [...(options.want ?? ['codeServer', 'chromium', 'neovim'])].sort() });
  let pending = memo.get(key);
  if (!pending) {
    pending = doEnsure(options);
    memo.set(key, pending);
    pending.catch(() => memo.delete(key));
  }
  return pending;
}

async function doEnsure(options: SetupOptions): Promise<SetupResult> {
  const want = new Set<Prerequisite>(options.want ?? ['codeServer', 'chromium', 'neovim']);
  const strict = options.strict ?? isCI();
  const allowApt = options.allowApt ?? !/^(1|true|yes)$/i.test(process.env.E2E_NO_APT ?? '');
  const timings: Record<string, number> = {};
  const started = Date.now();
  const result: SetupResult = { ok: true, missing: [], timings };

  const cachedCodeServer = want.has('codeServer') ? findCodeServer() : undefined;
  const needs = new Set<string>();
  if (want.has('chromium')) needs.add('chromium');
  if (want.has('neovim')) needs.add('neovim');
  if (want.has('codeServer') && !cachedCodeServer) needs.add('codeServerBuild');

  const absent = SYSTEM_PACKAGES.filter((p) => needs.has(p.neededFor) && !p.present());
  let aptProblem: string | undefined;
  if (absent.length > 0) {
    log(`missing system packages: ${absent.map((p) => p.apt).join(' ')}`);
    aptProblem = allowApt
      ? await installSystemPackages(absent.map((p) => p.apt), timings)
      : `apt-get not allowed; missing: ${absent.map((p) => p.apt).join(' ')}`;
  } else {
    log('system packages: all present');
  }
  const stillAbsent = (neededFor: SystemPackage['neededFor']): string[] =>
    SYSTEM_PACKAGES.filter((p) => p.neededFor === neededFor && !p.present()).map((p) => p.apt);

  if (want.has('chromium')) {
    const chromium = chromiumExecutable();
    if (chromium) result.chromiumPath = chromium;
    else result.missing.push({ what: 'chromium', reason: aptProblem ?? `missing: ${stillAbsent('chromium').join(' ')}` });
  }
  if (want.has('neovim')) {
    const nvim = which('nvim');
    const version = nvim ? await neovimVersion(nvim) : undefined;
    if (nvim && version && (version[0] > 0 || version[1] >= 7)) result.nvimPath = nvim;
    else if (nvim)
      result.missing.push({ what: 'neovim', reason: `Neovim 0.7 or later is needed; found ${version?.join('.') ?? 'unknown version'}` });
    else result.missing.push({ what: 'neovim', reason: aptProblem ?? 'missing: neovim' });
  }
  if (want.has('codeServer')) {
    if (cachedCodeServer) {
      log(`code-server ${CODE_SERVER_VERSION}: cached in ${cachedCodeServer.root}`);
      result.codeServer = cachedCodeServer;
    } else if (stillAbsent('codeServerBuild').length > 0) {
      result.missing.push({
        what: 'codeServer',
        reason: `cannot build code-server without: ${stillAbsent('codeServerBuild').join(' ')}${aptProblem ? ` (${aptProblem})` : ''}`,
      });
    } else {
      try {
        result.codeServer = await installCodeServer({ verbose: options.verbose }, timings);
      } catch (err) {
        result.missing.push({ what: 'codeServer', reason: (err as Error).message });
      }
    }
  }

  timings.total = Date.now() - started;
  result.ok = result.missing.length === 0;
  if (!result.ok) {
    const lines = result.missing.map((m) => `${m.what}: ${m.reason.split('\n')[0]}`);
    if (strict) {
      const details = result.missing.map((m) => `${m.what}: ${m.reason}`).join('\n');
      throw new Error(`Real-editor test prerequisites are missing (CI=true, so this fails):\n${details}`);
    }
    loudNotice([
      'REAL-EDITOR TESTS WILL BE SKIPPED: prerequisites are missing.',
      ...lines,
      'Run `node out/test/e2e/setup.js` (as root on Debian) to install them; with CI=true this fails instead.',
    ]);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const want: Prerequisite[] = [];
  if (!argv.includes('--no-code-server')) want.push('codeServer');
  if (!argv.includes('--no-chromium')) want.push('chromium');
  if (!argv.includes('--no-neovim')) want.push('neovim');
  const result = await ensurePrerequisites({ want, verbose: argv.includes('--verbose') });
  log(`code-server: ${result.codeServer ? `${result.codeServer.version} at ${result.codeServer.root}` : 'not available'}`);
  if (want.includes('chromium')) log(`chromium: ${result.chromiumPath ?? 'not available'}`);
  if (want.includes('neovim')) log(`neovim: ${result.nvimPath ?? 'not available'}`);
  for (const [step, ms] of Object.entries(result.timings)) log(`time ${step}: ${formatMs(ms)}`);
  return result.ok ? 0 : 3;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
