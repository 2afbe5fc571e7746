/**
 * Temporary folders for tests: made in the system's temporary folder and
 * removed when the test process exits (a run of the suite makes a hundred or
 * so). `E2E_KEEP=1` keeps them for a look after the run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const keepTestData = (): boolean => /^(1|true|yes)$/i.test(process.env.E2E_KEEP ?? '');

const live = new Set<string>();
let hooked = false;

/** A new folder named `iot-netlint-<prefix>-…`, with `files` (paths relative to it) written in it. */
export function tempFolder(prefix: string, files: Record<string, string | Buffer> = {}): string {
  if (!hooked) {
    hooked = true;
    // A signal ends Node without this event unless someone listens: the real-editor harness does (test/e2e/util.ts).
    process.on('exit', removeTempFolders);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iot-netlint-${prefix}-`));
  live.add(dir);
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

function removeTempFolders(): void {
  if (keepTestData()) return;
  for (const dir of live) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: a process of the test may still hold it
    }
  }
}
