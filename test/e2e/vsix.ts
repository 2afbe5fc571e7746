// Packages an extension folder as .vsix with the repository's @vscode/vsce (3.9.x; the 4.x line
// needs Node 22).
import * as fs from 'fs';
import * as path from 'path';
import { formatMs, log, mkdirp, outputRoot, repoRoot, run, tail } from './util';

export interface PackageOptions {
  /** Where to write the .vsix; default <outputRoot>/vsix/<folder name>.vsix. */
  out?: string;
  /**
   * Extra vsce arguments. The default set suits throwaway extensions without LICENSE,
   * repository or node_modules (--skip-license --allow-missing-repository --no-dependencies);
   * pass [] as `defaults` to package a real extension with vsce's full checks.
   */
  args?: string[];
  defaults?: string[];
}

export const THROWAWAY_VSCE_ARGS = ['--skip-license', '--allow-missing-repository', '--no-dependencies'];

function vsceScript(): string {
  const script = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [repoRoot] })), 'vsce');
  if (!fs.existsSync(script)) throw new Error(`@vscode/vsce is not installed (looked for ${script})`);
  return script;
}

/** Checks that @vscode/vsce-sign has its binary (its postinstall copies it); vsce needs it only for signing. */
export function vsceSignState(): { ok: boolean; detail: string } {
  try {
    const dir = path.dirname(require.resolve('@vscode/vsce-sign/package.json', { paths: [repoRoot] }));
    const bin = path.join(dir, 'bin', process.platform === 'win32' ? 'vsce-sign.exe' : 'vsce-sign');
    return fs.existsSync(bin)
      ? { ok: true, detail: bin }
      : { ok: false, detail: `${bin} is missing: its postinstall did not run (npm rebuild @vscode/vsce-sign)` };
  } catch (err) {
    return { ok: false, detail: `@vscode/vsce-sign not resolvable: ${(err as Error).message}` };
  }
}

/** Runs `vsce package` in `extensionDir` and returns the path of the .vsix. */
export async function packageVsix(extensionDir: string, options: PackageOptions = {}): Promise<string> {
  const out = options.out ?? path.join(outputRoot, 'vsix', `${path.basename(path.resolve(extensionDir))}.vsix`);
  mkdirp(path.dirname(out));
  fs.rmSync(out, { force: true });
  const args = [vsceScript(), 'package', '--out', out, ...(options.defaults ?? THROWAWAY_VSCE_ARGS), ...(options.args ?? [])];
  const r = await run(process.execPath, args, { cwd: extensionDir, timeoutMs: 180_000 });
  if (r.code !== 0 || !fs.existsSync(out)) {
    const text = r.stdout + r.stderr;
    const sign = /vsce-sign/i.test(text) ? `\n@vscode/vsce-sign: ${vsceSignState().detail}` : '';
    throw new Error(`vsce package failed in ${extensionDir} (exit ${r.code}):\n${tail(text, 30)}${sign}`);
  }
  log(`packaged ${out} (${Math.round(fs.statSync(out).size / 1024)} KB) in ${formatMs(r.ms)}`);
  return out;
}
