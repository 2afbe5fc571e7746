import * as fs from 'fs';
import * as path from 'path';

/** The project's root (tests run from `out/test/…`). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shared corpus of real files, beside the project; absent in a user's own clone. */
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

export function corpusAvailable(): boolean {
  return fs.existsSync(CORPUS);
}

/** Skips a suite, loudly, when the corpus is not there. */
export function requireCorpus(context: Mocha.Context): void {
  if (!corpusAvailable()) {
    console.warn(`\n  NOTICE: ${CORPUS} is absent: the corpus tests are skipped.\n`);
    context.skip();
  }
}

export function listFiles(folder: string, filter: (file: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [folder];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (filter(full)) out.push(full);
    }
  }
  return out.sort();
}
