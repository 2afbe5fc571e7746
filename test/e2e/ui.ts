// Helpers for UI tests of an installed extension in code-server, driven through Chromium the way
// a person uses the editor: Quick Open, squiggles, the Problems panel, hovers, the quick-fix
// menu, the editor's text, screenshots. Selectors are those of VS Code 1.100 (code-server 4.100.3).
import type { Locator, Page } from 'playwright-core';
import { screenshot as saveScreenshot } from './browser';
import type { CodeServer } from './codeServer';
import { log, sleep, waitFor } from './util';

// The project compiles without the DOM library; these describe the little of the DOM that the
// functions below use inside the page.
interface DomElement {
  innerText: string;
  textContent: string | null;
  style: { top: string };
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface PageGlobals {
  navigator: { clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } };
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SQUIGGLE_SELECTOR: Record<Severity | 'any', string> = {
  error: '.monaco-editor .squiggly-error',
  warning: '.monaco-editor .squiggly-warning',
  info: '.monaco-editor .squiggly-info',
  hint: '.monaco-editor .squiggly-hint',
  any: '.monaco-editor [class*="squiggly-"]',
};

/** Re-exported so UI tests need one import: saves <outputRoot>/screenshots/<name>.png. */
export const screenshot = saveScreenshot;

/** Opens the workbench on `folder` (default: the server's) and waits until the explorer shows files. */
export async function openWorkbench(page: Page, server: CodeServer, options: { folder?: string; timeoutMs?: number } = {}): Promise<void> {
  const timeout = options.timeoutMs ?? 60_000;
  const start = Date.now();
  await page.goto(server.workbenchUrl({ folder: options.folder }), { waitUntil: 'domcontentloaded', timeout });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout });
  log(`workbench ready in ${Date.now() - start} ms`);
}

/** Runs a command by its title through the command palette (F1), e.g. 'View: Toggle Problems'. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Opens a file of the workspace through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpen(page: Page, fileName: string, timeoutMs = 30_000): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(fileName);
  // File search answers asynchronously; Enter before the row shows would open nothing.
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${cssString(fileName.split('/').pop() ?? fileName)}"]`).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await activeTab(page, fileName.split('/').pop() ?? fileName).waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

/** The active editor tab whose label is `label`. */
export function activeTab(page: Page, label: string): Locator {
  return page.locator(`.tabs-container .tab.active[aria-label^="${cssString(label)}"]`);
}

/** Waits until at least `min` squiggles of the severity are visible; returns how many there are. */
export async function waitForSquiggles(
  page: Page,
  options: { severity?: Severity | 'any'; min?: number; timeoutMs?: number } = {},
): Promise<number> {
  const selector = SQUIGGLE_SELECTOR[options.severity ?? 'any'];
  const min = options.min ?? 1;
  return waitFor(
    `${min} squiggle(s) matching ${selector}`,
    async () => {
      const count = await page.locator(selector).count();
      return count >= min ? count : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 250 },
  );
}

/** Counts the visible squiggles per severity. */
export async function countSquiggles(page: Page): Promise<Record<Severity, number>> {
  const counts = {} as Record<Severity, number>;
  for (const severity of ['error', 'warning', 'info', 'hint'] as Severity[]) counts[severity] = await page.locator(SQUIGGLE_SELECTOR[severity]).count();
  return counts;
}

export interface ProblemRow {
  /** 'Error' | 'Warning' | 'Info' for markers; undefined for a file row. */
  severity?: string;
  message: string;
  /** The row's aria-label, e.g. "Warning: msg at line 3 and character 12. generated by src". */
  ariaLabel: string;
  /** Visible text (message, source, code, [Ln, Col]). */
  text: string;
  line?: number;
  column?: number;
  source?: string;
  isFile: boolean;
}

/** Opens the Problems panel (Ctrl+Shift+M) and waits for its list. */
export async function openProblems(page: Page): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Opens the Problems panel and returns its rows (file rows and marker rows, in display order). `minMarkers`: wait
 * until that many marker rows show, counting only those of `source` when it is given (other extensions list rows too).
 */
export async function readProblems(page: Page, options: { minMarkers?: number; source?: string; timeoutMs?: number } = {}): Promise<ProblemRow[]> {
  await openProblems(page);
  const read = async (): Promise<ProblemRow[]> => {
    const raw = await page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const r = row as unknown as DomElement;
          return { aria: r.getAttribute('aria-label') ?? '', text: r.innerText };
        }),
      );
    return raw.map(({ aria, text }) => {
      const marker = /^(Error|Warning|Info|Hint): (.*) at line (\d+) and character (\d+)\.(?: generated by (.*))?$/s.exec(aria);
      if (!marker) return { message: text.split('\n')[0], ariaLabel: aria, text, isFile: true };
      return {
        severity: marker[1],
        message: marker[2],
        line: Number(marker[3]),
        column: Number(marker[4]),
        source: marker[5],
        ariaLabel: aria,
        text,
        isFile: false,
      };
    });
  };
  const min = options.minMarkers ?? 0;
  if (min === 0) return read();
  return waitFor(
    `${min} marker row(s) in the Problems panel`,
    async () => {
      const rows = await read();
      return rows.filter((r) => !r.isFile && (options.source === undefined || r.source === options.source)).length >= min ? rows : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 250 },
  );
}

/** Center of the n-th element matching selector, in page coordinates. */
async function centerOf(page: Page, selector: string, index = 0): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).nth(index).boundingBox();
  if (!box) throw new Error(`${selector} (#${index}) is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Moves the mouse onto the n-th squiggle of a severity and returns the hover's text. */
/**
 * The text of the hover over a squiggle. `until`: what the text must show before it is read — the editor shows the
 * diagnostic at once and adds what a hover provider answers, and the quick fixes, when they arrive.
 */
export async function hoverSquiggle(page: Page, severity: Severity | 'any' = 'any', index = 0, timeoutMs = 15_000, until?: RegExp): Promise<string> {
  const { x, y } = await centerOf(page, SQUIGGLE_SELECTOR[severity], index);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
  // A hover only opens after the mouse moved within the editor; nudge it until it shows.
  return waitFor(
    'the editor hover',
    async () => {
      await page.mouse.move(x - 3, y);
      await page.mouse.move(x, y, { steps: 3 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 2_000 });
      } catch {
        return undefined;
      }
      let text = (await hover.innerText()).trim();
      for (const started = Date.now(); until && !until.test(text) && Date.now() - started < 3_000; ) {
        await sleep(100);
        text = (await hover.innerText().catch(() => '')).trim();
      }
      return text && (!until || until.test(text)) ? text : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

/** Hides a hover or widget by moving the mouse away and pressing Escape. */
export async function dismissWidgets(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await sleep(100);
}

/** Puts the cursor on the n-th squiggle of a severity (by clicking into it). */
export async function clickSquiggle(page: Page, severity: Severity | 'any' = 'any', index = 0): Promise<void> {
  const { x, y } = await centerOf(page, SQUIGGLE_SELECTOR[severity], index);
  await page.mouse.click(x, y);
}

/** Waits for the lightbulb next to the cursor's line and returns it. */
export async function waitForLightbulb(page: Page, timeoutMs = 15_000): Promise<Locator> {
  const bulb = page.locator('.monaco-editor .lightBulbWidget, .monaco-editor .codicon-light-bulb, .monaco-editor .codicon-lightbulb-autofix').first();
  await bulb.waitFor({ state: 'visible', timeout: timeoutMs });
  return bulb;
}

/** Opens the quick-fix menu at the cursor (Ctrl+.) and returns the titles of its actions. */
export async function openQuickFixMenu(page: Page, timeoutMs = 15_000): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  return waitFor(
    'the quick-fix menu',
    async () => {
      if (!(await rows.first().isVisible().catch(() => false))) {
        await page.keyboard.press('Control+.');
        try {
          await rows.first().waitFor({ state: 'visible', timeout: 2_000 });
        } catch {
          // Code actions are computed asynchronously; the menu may say "No code actions" at first.
          await page.keyboard.press('Escape');
          return undefined;
        }
      }
      const titles = (await rows.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      return titles.length ? titles : undefined;
    },
    { timeoutMs, intervalMs: 300 },
  );
}

/**
 * Applies a quick fix: puts the cursor on the n-th squiggle of a severity, opens the menu and
 * picks the action whose title matches. Returns the titles that were offered.
 */
export async function applyQuickFix(
  page: Page,
  item: string | RegExp,
  options: { severity?: Severity | 'any'; index?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  await clickSquiggle(page, options.severity ?? 'any', options.index ?? 0);
  const titles = await openQuickFixMenu(page, options.timeoutMs);
  const matches = (t: string): boolean => (typeof item === 'string' ? t.includes(item) : item.test(t));
  const index = titles.findIndex(matches);
  if (index < 0) {
    await page.keyboard.press('Escape');
    throw new Error(`No quick fix matching ${String(item)}; offered: ${titles.join(' | ')}`);
  }
  // Pick with the keyboard: the menu lays a pointer-blocking layer over itself until the mouse
  // moves over it, so clicks on its rows do not arrive.
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  for (let step = 0; step <= titles.length; step++) {
    const current = (await focused.first().innerText().catch(() => '')).trim();
    if (current === titles[index]) break;
    await page.keyboard.press('ArrowDown');
  }
  const chosen = (await focused.first().innerText().catch(() => '')).trim();
  if (chosen !== titles[index]) throw new Error(`Could not move the quick-fix menu to "${titles[index]}" (at "${chosen}")`);
  await page.keyboard.press('Enter');
  await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden', timeout: 10_000 });
  return titles;
}

/**
 * The text of the active editor. Copies it through the clipboard (Ctrl+A, Ctrl+C; the browser
 * is launched with clipboard permissions) and falls back to the rendered lines, which only
 * holds for text that fits in the viewport.
 */
export async function readEditorText(page: Page, method: 'clipboard' | 'dom' | 'auto' = 'auto'): Promise<string> {
  if (method !== 'dom') {
    try {
      const text = await readViaClipboard(page);
      if (text !== undefined) return text;
    } catch (err) {
      if (method === 'clipboard') throw err;
    }
    if (method === 'clipboard') throw new Error('copying the editor text through the clipboard gave nothing');
  }
  return readRenderedLines(page);
}

async function readViaClipboard(page: Page): Promise<string | undefined> {
  const marker = `__e2e_clipboard_${Date.now()}__`;
  await page.evaluate((m) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(m), marker);
  await focusEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const text = await waitFor(
    'the clipboard to change',
    async () => {
      const value = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
      return value !== marker ? value : undefined;
    },
    { timeoutMs: 3_000, intervalMs: 100 },
  ).catch(() => undefined);
  // Collapse the selection again so the test continues from a plain cursor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  return text;
}

async function readRenderedLines(page: Page): Promise<string> {
  const lines = await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .evaluate((root) =>
      Array.from((root as unknown as DomElement).querySelectorAll('.view-line'))
        .map((el) => ({ top: parseFloat(el.style.top || '0'), text: el.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text.replace(/\u00a0/g, ' ')),
    );
  return lines.join('\n');
}

/** Gives the active editor the keyboard focus without moving the cursor far. */
export async function focusEditor(page: Page): Promise<void> {
  const editor = page.locator('.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context').first();
  await editor.focus();
}

/** Texts of the notification toasts that show (e.g. from showInformationMessage). */
export async function readNotifications(page: Page, options: { min?: number; timeoutMs?: number } = {}): Promise<string[]> {
  const read = async (): Promise<string[]> =>
    (await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts()).map((t) => t.trim());
  const min = options.min ?? 0;
  if (min === 0) return read();
  return waitFor(
    `${min} notification(s)`,
    async () => {
      const texts = await read();
      return texts.length >= min ? texts : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 200 },
  );
}
