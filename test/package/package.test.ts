/**
 * The .vsix as users install it: bundles, grammars, snippets, schema, rule
 * docs, README, LICENSE and icon; no sources, tests or node_modules; under 5 MB.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../support/paths';
import { zipEntries } from '../support/zip';

export const VSIX = path.join(ROOT, 'iot-netlint.vsix');

/** Builds the package once per test run (the UI test installs the same file). */
export function buildPackage(): string {
  if (!fs.existsSync(VSIX) || process.env.IOT_NETLINT_VSIX_BUILT !== '1') {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', VSIX], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    process.env.IOT_NETLINT_VSIX_BUILT = '1';
  }
  return VSIX;
}

describe('the extension package (.vsix)', function () {
  this.timeout(180000);

  it('holds the bundles, grammars, snippets, schema, docs, README, LICENSE and icon, and nothing else; under 5 MB', () => {
    const vsix = buildPackage();
    const names = zipEntries(vsix)
      .map((e) => e.name)
      .filter((n) => n.startsWith('extension/'))
      .map((n) => n.slice('extension/'.length))
      .sort();
    const expected = [
      'LICENSE.txt',
      'client/images/icon.png',
      'dist/cli.js',
      'dist/extension.js',
      'dist/server.js',
      'docs/rules/README.md',
      ...RULES.map((r) => `docs/rules/${r.id}.md`),
      'package.json',
      'readme.md',
      'server/bin/iot-netlint-language-server.js',
      'server/bin/iot-netlint.js',
      'server/schemas/iot-netlint.schema.json',
      'snippets/arm.json',
      'snippets/bicep.json',
      'syntaxes/azcli.tmLanguage.json',
      'syntaxes/bicep.tmLanguage.json',
    ].sort();
    assert.deepStrictEqual(names, expected);
    assert.ok(!names.some((n) => /\.ts$|\.map$|node_modules|^test\/|^out\//.test(n)));
    const size = fs.statSync(vsix).size;
    assert.ok(size < 5 * 1024 * 1024, `${(size / 1048576).toFixed(2)} MB`);
  });

  it('runs in Restricted Mode, and not in virtual workspaces, whose documents its client does not ask for', () => {
    // Nothing the extension reads from a workspace is run: an untrusted folder is analysed like any other. A
    // virtual workspace (github.dev) has no file system for the server to read, and the client serves only
    // documents on disk or not yet saved.
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.strictEqual(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.ok(manifest.capabilities.virtualWorkspaces.description);
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'languageClient.ts'), 'utf8');
    const schemes = new Set([...client.matchAll(/scheme: '([^']+)'/g)].map((m) => m[1]));
    assert.deepStrictEqual([...schemes].sort(), ['file', 'untitled']);
  });

  it('declares every command the code registers, under one category', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const used = new Set<string>();
    for (const file of fs.readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      for (const m of fs.readFileSync(path.join(ROOT, 'client', 'src', file), 'utf8').matchAll(/'(iotNetlint\.[A-Za-z]+)'/g)) used.add(m[1]);
    }
    const commands = [...used].filter((c) => !manifest.contributes.configuration.properties[c] && !c.startsWith('iotNetlint.status'));
    for (const c of commands) assert.ok(declared.has(c), `${c} is used but not declared in package.json`);
    for (const c of manifest.contributes.commands) assert.strictEqual(c.category, 'IoT Network Lint');
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties) as Array<[string, { scope: string }]>) {
      assert.ok(key.startsWith('iotNetlint.'), key);
      assert.strictEqual(setting.scope, 'resource', `${key} has scope resource`);
    }
  });
});
