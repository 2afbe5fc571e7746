// Debian's Chromium driven by playwright-core (which brings no browser of its own).
import * as path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { chromiumExecutable } from './setup';
import { keepData, log, mkdirp, outputRoot, rmrf, tempDir } from './util';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface BrowserOptions {
  /** Default: true; set E2E_HEADED=1 to watch (needs a display). */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** More Chromium flags. */
  args?: string[];
  /** Default: the CHROMIUM_PATH variable, else /usr/bin/chromium. */
  executablePath?: string;
  /** Label used in the name of the temporary profile folder. */
  name?: string;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  /** Closes the browser (playwright ends its whole process group) and removes the profile. */
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and returns its first page. */
export async function launchChromium(options: BrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = options.executablePath ?? chromiumExecutable();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  const userDataDir = tempDir(`chromium-${options.name ?? 'run'}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? process.env.E2E_HEADED !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1400, height: 900 },
    // Same-origin clipboard access lets ui.readEditorText() use copy and paste.
    permissions: ['clipboard-read', 'clipboard-write'],
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    userDataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch((err: Error) => log(`closing Chromium: ${err.message}`));
      if (!keepData()) rmrf(userDataDir);
    },
  };
}

/** Saves a full-page screenshot as <outputRoot>/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, dir = path.join(outputRoot, 'screenshots')): Promise<string> {
  mkdirp(dir);
  const file = path.join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot: ${file}`);
  return file;
}
