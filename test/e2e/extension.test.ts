/**
 * The extension in a real VS Code: the mocha suite of test/e2e/suite runs
 * inside code-server's extension host (VS Code 1.100.3), on a copy of examples/.
 * The same suite runs on a desktop with `npm run test:electron`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runExtensionTestsInCodeServer } from './extensionHost';
import { ensurePrerequisites } from './setup';
import { freshWorkspace, repoRoot } from './util';

describe('the extension in VS Code (code-server extension host)', function () {
  this.timeout(300_000);

  before(async function () {
    this.timeout(30 * 60_000);
    const prereq = await ensurePrerequisites({ want: ['codeServer', 'chromium'] });
    if (!prereq.codeServer || !prereq.chromiumPath) this.skip();
    if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  });

  it('passes its suite: diagnostics of the examples, quick fixes, hover, fix-all on save, commands', async () => {
    const folder = freshWorkspace(path.join(repoRoot, 'examples'), 'extension');
    const result = await runExtensionTestsInCodeServer({
      name: 'iot-netlint',
      folder,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      timeoutMs: 240_000,
    });
    assert.strictEqual(result.exitCode, 0, `The suite failed; its log (${result.outputDir}):\n${result.log.join('\n')}`);
  });
});
