// Proves the real-editor harness with the throwaway fixture extension (test/e2e/fixture-extension):
// prerequisites, code-server, a mocha suite inside its real extension host (passing and failing),
// a UI test of the packaged .vsix in Chromium, Neovim as a second LSP client, and the
// @vscode/test-electron runner's error handling. Prints how long each phase takes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { BrowserSession, launchChromium } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { explainElectronFailure } from './electron';
import { runExtensionTests } from './extensionHost';
import { runNeovimLsp } from './neovim';
import { ensurePrerequisites, SetupResult } from './setup';
import * as ui from './ui';
import { e2eSourceRoot, formatMs, freshWorkspace, groupAlive, log, phase, processesMatching, timings } from './util';
import { packageVsix } from './vsix';

const FIXTURE = path.join(e2eSourceRoot, 'fixture-extension');
const FIXTURE_WORKSPACE = path.join(FIXTURE, 'workspace');
const PASSING_SUITE = path.join(__dirname, 'fixture-extension', 'suite', 'index.js');
const FAILING_SUITE = path.join(__dirname, 'fixture-extension', 'failing-suite', 'index.js');
const FIXTURE_SERVER = path.join(FIXTURE, 'server.js');

/** Fails when a process started by a test is still running. */
function assertGone(label: string, pid: number | undefined, needles: string[]): void {
  if (pid !== undefined) assert.ok(!groupAlive(pid), `${label}: process group ${pid} still running`);
  for (const needle of needles) {
    const left = processesMatching(needle);
    assert.deepStrictEqual(left, [], `${label}: processes still running that mention ${needle}`);
  }
}

const chromiumPids = (): Set<number> => new Set(processesMatching('chromium').map((p) => p.pid));

describe('real-editor harness (fixture extension)', function () {
  this.timeout(120_000);
  let prereq: SetupResult;

  before(async function () {
    this.timeout(30 * 60_000);
    // Throws under CI=true when something is missing; otherwise reports and the parts that
    // need the missing tool are skipped below.
    prereq = await phase('prerequisites (apt-get, code-server install or cache)', () => ensurePrerequisites());
  });

  after(() => {
    if (timings.length === 0) return;
    log('phase timings:');
    for (const t of timings) log(`  ${t.name.padEnd(58)} ${formatMs(t.ms).padStart(8)}`);
  });

  describe('mocha suites inside code-server\'s extension host', function () {
    let server: CodeServer | undefined;
    let workspace: string;
    let chromiumBefore: Set<number>;

    before(async function () {
      if (!prereq.codeServer || !prereq.chromiumPath) this.skip();
      chromiumBefore = chromiumPids();
      workspace = freshWorkspace(FIXTURE_WORKSPACE, 'exthost');
      server = await phase('start code-server', () => startCodeServer({ name: 'exthost', folder: workspace }));
    });

    after(async function () {
      if (!server) return;
      const { pid, dirs } = server;
      await server.stop();
      assertGone('code-server', pid, [dirs.root]);
      const leftover = [...chromiumPids()].filter((p) => !chromiumBefore.has(p));
      assert.deepStrictEqual(leftover, [], 'Chromium processes left behind');
    });

    it('runs a passing suite and reports exit code 0', async function () {
      const result = await phase('extension-host suite (passing)', () =>
        runExtensionTests({
          server: server as CodeServer,
          extensionDevelopmentPath: FIXTURE,
          extensionTestsPath: PASSING_SUITE,
          name: 'fixture-passing',
        }),
      );
      assert.strictEqual(result.exitCode, 0, `suite failed:\n${result.log.slice(-40).join('\n')}`);
      const text = result.log.join('\n');
      assert.match(text, /7 passing/);
      assert.match(text, /shows the language server diagnostics through vscode\.languages\.getDiagnostics/);
      assert.doesNotMatch(text, /failing/);
    });

    it('runs a failing suite and reports exit code 1 with the assertion and its stack', async function () {
      const result = await phase('extension-host suite (failing on purpose)', () =>
        runExtensionTests({
          server: server as CodeServer,
          extensionDevelopmentPath: FIXTURE,
          extensionTestsPath: FAILING_SUITE,
          name: 'fixture-failing',
          echo: false,
        }),
      );
      assert.strictEqual(result.exitCode, 1);
      const text = result.log.join('\n');
      assert.match(text, /1 passing/);
      assert.match(text, /1 failing/);
      assert.match(text, /deliberate failure from the failing fixture suite/);
      assert.match(text, /failing\.exthost\.js:\d+:\d+/, 'the stack names the test file');
      assert.ok(result.screenshot && fs.existsSync(result.screenshot), 'a screenshot is taken on failure');
    });
  });

  describe('UI of the packaged .vsix in code-server and Chromium', function () {
    let server: CodeServer | undefined;
    let browser: BrowserSession | undefined;
    let page: Page;
    let chromiumBefore: Set<number>;

    before(async function () {
      if (!prereq.codeServer || !prereq.chromiumPath) this.skip();
      this.timeout(240_000);
      chromiumBefore = chromiumPids();
      const vsix = await phase('vsce package (fixture)', () => packageVsix(FIXTURE));
      const workspace = freshWorkspace(FIXTURE_WORKSPACE, 'ui');
      server = await phase('start code-server with the .vsix installed', () =>
        startCodeServer({ name: 'ui', folder: workspace, extensions: [vsix] }),
      );
      browser = await phase('launch Chromium', () => launchChromium({ name: 'ui' }));
      page = browser.page;
      await phase('open the workbench', () => ui.openWorkbench(page, server as CodeServer));
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && browser) {
        await ui.screenshot(page, `failed-${this.currentTest.title}`).catch(() => undefined);
      }
    });

    after(async function () {
      const pid = server?.pid;
      const root = server?.dirs.root;
      const profile = browser?.userDataDir;
      await browser?.close();
      await server?.stop();
      assertGone('code-server', pid, root ? [root] : []);
      assertGone('Chromium', undefined, profile ? [profile] : []);
      const leftover = [...chromiumPids()].filter((p) => !chromiumBefore.has(p));
      assert.deepStrictEqual(leftover, [], 'Chromium processes left behind');
    });

    it('shows squiggles of each severity and the Problems panel rows', async function () {
      await phase('UI: Quick Open and squiggles', async () => {
        await ui.quickOpen(page, 'sample.json');
        await ui.waitForSquiggles(page, { severity: 'warning' });
        await ui.waitForSquiggles(page, { severity: 'error' });
        await ui.waitForSquiggles(page, { severity: 'info' });
      });
      assert.deepStrictEqual(await ui.countSquiggles(page), { error: 1, warning: 1, info: 1, hint: 0 });
      const rows = await ui.readProblems(page, { minMarkers: 3 });
      const markers = rows.filter((r) => !r.isFile).map((r) => `${r.severity} ${r.line}:${r.column} ${r.message} (${r.source})`);
      assert.deepStrictEqual(markers.sort(), [
        'Error 4:13 FIXME marker left in the document (e2e-fixture-server)',
        'Info 5:12 NOTE marker left in the document (e2e-fixture-server)',
        'Warning 3:12 TODO marker left in the document (e2e-fixture-server)',
      ]);
      await ui.screenshot(page, 'fixture-squiggles-and-problems');
    });

    it('shows the diagnostic in a hover', async function () {
      const text = await phase('UI: hover', () => ui.hoverSquiggle(page, 'warning', 0, 15_000, /Quick Fix/));
      assert.match(text, /TODO marker left in the document/);
      assert.match(text, /Quick Fix/);
      await ui.screenshot(page, 'fixture-hover');
      await ui.dismissWidgets(page);
    });

    it('applies the quick fix from the lightbulb menu and the squiggle goes away', async function () {
      const offered = await phase('UI: quick fix', async () => {
        await ui.clickSquiggle(page, 'warning');
        await ui.waitForLightbulb(page);
        return ui.applyQuickFix(page, 'Replace TODO with DONE', { severity: 'warning' });
      });
      assert.deepStrictEqual(offered, ['Replace TODO with DONE']);
      const text = await ui.readEditorText(page);
      assert.match(text, /"todo": "DONE: allow the hub's endpoint"/);
      assert.match(text, /"fixme": "FIXME: wrong service tag"/);
      await ui.waitForSquiggles(page, { severity: 'error' });
      await ui.screenshot(page, 'fixture-after-quick-fix');
      const rows = await ui.readProblems(page);
      assert.deepStrictEqual(rows.filter((r) => !r.isFile).map((r) => r.severity).sort(), ['Error', 'Info']);
    });

    it('runs the contributed command from the command palette', async function () {
      await phase('UI: command palette', () => ui.runCommand(page, 'E2E Fixture: Count Markers'));
      const notes = await ui.readNotifications(page, { min: 1 });
      assert.ok(notes.includes('E2E fixture: 2 marker(s)'), `notifications: ${notes.join(' | ')}`);
      await ui.screenshot(page, 'fixture-command');
    });
  });

  describe('Neovim as a second LSP client', function () {
    before(function () {
      if (!prereq.nvimPath) this.skip();
    });

    it('gets the stdio server\'s diagnostics for a file', async function () {
      const file = path.join(freshWorkspace(FIXTURE_WORKSPACE, 'neovim'), 'sample.json');
      const result = await phase('Neovim: diagnostics of sample.json', () =>
        runNeovimLsp({ serverCommand: [process.execPath, FIXTURE_SERVER, '--stdio'], file }),
      );
      assert.ok(!result.timedOut, `timed out; events: ${JSON.stringify(result.events)}\n${result.lspLog}`);
      assert.strictEqual(result.exitCode, 0);
      assert.strictEqual(result.uri, `file://${file}`);
      const got = result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.range.start.line}:${d.range.start.character}`);
      assert.deepStrictEqual(got, ['2 todo-marker 2:11', '1 fixme-marker 3:12', '3 note-marker 4:11']);
      assert.ok(result.events.some((e) => e.event === 'initialized'));
    });

    it('gets an empty publish for a clean file', async function () {
      const file = path.join(freshWorkspace(FIXTURE_WORKSPACE, 'neovim-clean'), 'clean.json');
      const result = await phase('Neovim: diagnostics of clean.json', () =>
        runNeovimLsp({ serverCommand: [process.execPath, FIXTURE_SERVER, '--stdio'], file, waitForNonEmpty: false }),
      );
      assert.ok(!result.timedOut);
      assert.strictEqual(result.publishes.length, 1);
      assert.deepStrictEqual(result.diagnostics, []);
    });

    it('reports a server that cannot start', async function () {
      const file = path.join(FIXTURE_WORKSPACE, 'clean.json');
      const result = await runNeovimLsp({ serverCommand: [process.execPath, FIXTURE_SERVER], file, timeoutMs: 10_000 });
      assert.strictEqual(result.exitCode, 3);
      assert.ok(result.events.some((e) => e.event === 'serverExit' && e.code === 2));
    });
  });

  describe('@vscode/test-electron runner', function () {
    it('explains a failed download instead of passing the bare network error on', function () {
      const err = Object.assign(new Error('getaddrinfo ENOTFOUND update.code.visualstudio.com'), { code: 'ENOTFOUND' });
      assert.match(explainElectronFailure(err).message, /needs internet access to update\.code\.visualstudio\.com.*npm test/s);
      assert.match(explainElectronFailure(new Error('Missing X server or $DISPLAY')).message, /xvfb-run/);
    });
  });
});
