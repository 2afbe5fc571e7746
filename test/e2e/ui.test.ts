/**
 * The packaged extension as a person sees it: the .vsix installed in
 * code-server, the workbench in Chromium, squiggles, the Problems panel, the
 * hover, the lightbulb menu and a fix applied. Screenshots go to
 * .test-output/e2e/screenshots/.
 */
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { BrowserSession, launchChromium } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { ensurePrerequisites } from './setup';
import * as ui from './ui';
import { repoRoot } from './util';
import { packageVsix } from './vsix';
import { deploymentTemplate, HUB_WITH_FINDINGS, HUB_WITHOUT_ALLOW_LIST } from '../support/templates';
import { tempFolder } from '../support/tempFolders';

const HUB = deploymentTemplate(HUB_WITH_FINDINGS, HUB_WITHOUT_ALLOW_LIST);

describe('the packaged extension in the browser (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let page: Page;

  before(async function () {
    this.timeout(30 * 60_000);
    const prereq = await ensurePrerequisites({ want: ['codeServer', 'chromium'] });
    if (!prereq.codeServer || !prereq.chromiumPath) this.skip();
    const vsix = await packageVsix(repoRoot, { defaults: ['--no-dependencies'] });
    const workspace = tempFolder('ui', { 'hub.json': HUB });
    server = await startCodeServer({ name: 'iot-netlint-ui', folder: workspace, extensions: [vsix], settings: { 'editor.hover.delay': 100 } });
    browser = await launchChromium({ name: 'iot-netlint-ui' });
    page = browser.page;
    await ui.openWorkbench(page, server);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) await ui.screenshot(page, `iot-netlint-failed-${this.currentTest.title}`).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a squiggle of each severity and the findings in the Problems panel', async () => {
    await ui.quickOpen(page, 'hub.json');
    await ui.waitForSquiggles(page, { severity: 'error' });
    await ui.waitForSquiggles(page, { severity: 'warning' });
    await ui.waitForSquiggles(page, { severity: 'info' });
    // Other rows may come from VS Code's JSON support (it cannot load the $schema offline): the three awaited are ours.
    const rows = await ui.readProblems(page, { minMarkers: 3, source: 'iot-netlint' });
    const markers = rows.filter((r) => !r.isFile && r.source === 'iot-netlint').map((r) => `${r.severity} ${r.line}:${r.column}`);
    assert.deepStrictEqual(markers.sort(), ['Error 12:42', 'Info 13:106', 'Warning 22:56']);
    const error = rows.find((r) => r.severity === 'Error' && r.source === 'iot-netlint')!;
    assert.match(error.message, /restrictOutboundNetworkAccess of hub 'contoso-hub' is "true"/);
    assert.match(error.text, /restrict-outbound-value-type/);
    await ui.screenshot(page, 'iot-netlint-squiggles-and-problems');
  });

  it('explains the finding in a hover', async () => {
    await ui.focusEditor(page);
    // The first error decoration in the page may belong to a hidden editor: hover the first one that shows.
    let text = '';
    for (let index = 0; index < 4 && !text; index++) text = await ui.hoverSquiggle(page, 'error', index, 5_000, /Why it matters/).catch(() => '');
    assert.match(text, /restrict-outbound-value-type/);
    assert.match(text, /Why it matters/);
    await ui.screenshot(page, 'iot-netlint-hover');
    await ui.dismissWidgets(page);
  });

  it('offers the fix and the suppression in the lightbulb menu, and applies the fix', async () => {
    const offered = await ui.applyQuickFix(page, 'Write true', { severity: 'error' });
    assert.ok(offered.includes('Write true'), offered.join(' | '));
    assert.ok(offered.includes('Disable restrict-outbound-value-type for this line'), offered.join(' | '));
    const text = await ui.readEditorText(page);
    assert.match(text, /"restrictOutboundNetworkAccess": true,/);
    await ui.screenshot(page, 'iot-netlint-after-quick-fix');
    const started = Date.now();
    for (;;) {
      const rows = await ui.readProblems(page);
      if (!rows.some((r) => r.severity === 'Error' && r.source === 'iot-netlint')) break;
      if (Date.now() - started > 15_000) assert.fail('the error stayed in the Problems panel');
      await new Promise((r) => setTimeout(r, 250));
    }
  });
});
