// The module VS Code loads as `extensionTestsPath`: it must export run(): Promise<void>, which
// runs inside the extension host (code-server's Node extension host here, Electron's with
// @vscode/test-electron) and rejects when a test fails.
//
// Pattern: each suite folder has an index.ts of two lines,
//     import { runSuite } from '<relative>/suiteIndex';
//     export const run = (): Promise<void> => runSuite(__dirname);
// and test files named *.exthost.ts next to it. They are NOT named *.test.ts: the project's
// mocha (.mocharc.json: out/test/**/*.test.js) would load them outside VS Code, where
// require('vscode') fails. This module's own run() runs the folder named by the
// E2E_TESTS_ROOT environment variable, for runners that can pass an environment.
import * as fs from 'fs';
import * as path from 'path';
import type MochaType from 'mocha';

export interface SuiteOptions {
  /** Which files of the folder (searched recursively) are test files; default /\.exthost\.js$/. */
  pattern?: RegExp;
  /** Per-test timeout; default 30 s, or E2E_TEST_TIMEOUT. */
  timeoutMs?: number;
  /** Only tests whose full title matches; default E2E_GREP. */
  grep?: string;
  /** mocha to load; default E2E_MOCHA_PATH, else require('mocha') from here (the repository's). */
  mochaPath?: string;
}

export const DEFAULT_PATTERN = /\.exthost\.js$/;

function listFiles(dir: string, pattern: RegExp): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
  return entries
    .filter((rel) => pattern.test(rel) && !rel.split(path.sep).includes('node_modules'))
    .map((rel) => path.join(dir, rel))
    .sort();
}

function loadMocha(mochaPath: string | undefined): typeof MochaType {
  return require(mochaPath ?? 'mocha') as typeof MochaType;
}

/** Runs the test files of `testsRoot` with mocha; rejects when a test fails or none is found. */
export function runSuite(testsRoot: string, options: SuiteOptions = {}): Promise<void> {
  const Mocha = loadMocha(options.mochaPath ?? process.env.E2E_MOCHA_PATH);
  const timeout = options.timeoutMs ?? (Number(process.env.E2E_TEST_TIMEOUT) || 30_000);
  const grep = options.grep ?? process.env.E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout });
  if (grep) mocha.grep(grep);
  const files = listFiles(testsRoot, options.pattern ?? DEFAULT_PATTERN);
  if (files.length === 0) {
    return Promise.reject(new Error(`No test files matching ${String(options.pattern ?? DEFAULT_PATTERN)} in ${testsRoot}`));
  }
  for (const file of files) mocha.addFile(file);
  // extensionHost.ts starts echoing the log at this line (its default echo: 'suite').
  console.log(`[suite] running ${files.length} file(s) from ${testsRoot} in ${process.title} (node ${process.versions.node})`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err as Error);
    }
  });
}

/** Entry point for runners that set E2E_TESTS_ROOT (e.g. test-electron's extensionTestsEnv). */
export function run(): Promise<void> {
  const root = process.env.E2E_TESTS_ROOT;
  if (!root) return Promise.reject(new Error('E2E_TESTS_ROOT is not set; point extensionTestsPath at a suite index instead'));
  return runSuite(path.resolve(root));
}
