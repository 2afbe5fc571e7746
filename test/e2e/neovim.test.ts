/**
 * Neovim, headless, as a second editor: its built-in LSP client starts
 * `iot-netlint-language-server --stdio` and receives the same findings the
 * command line reports for the examples.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyzeProject } from '../../server/src/core/project';
import { fileSystemHost } from '../../server/src/node/fileHost';
import { LineIndex } from '../../server/src/core/text/lines';
import { runNeovimLsp } from './neovim';
import { ensurePrerequisites } from './setup';
import { freshWorkspace, repoRoot } from './util';

describe('the language server in Neovim', function () {
  this.timeout(60_000);
  let nvimPath: string | undefined;

  before(async function () {
    this.timeout(30 * 60_000);
    nvimPath = (await ensurePrerequisites({ want: ['neovim'] })).nvimPath;
    if (!nvimPath) this.skip();
  });

  for (const example of ['hub-egress/azuredeploy.json', 'data-explorer/azuredeploy.json', 'device-update/azuredeploy.json', 'hub-bicep/main.bicep']) {
    it(`publishes the findings of examples/${example} that the command line reports`, async () => {
      const workspace = freshWorkspace(path.join(repoRoot, 'examples'), `neovim-${path.dirname(example)}`);
      const file = path.join(workspace, example);
      const result = await runNeovimLsp({
        serverCommand: [process.execPath, path.join(repoRoot, 'server', 'bin', 'iot-netlint-language-server.js'), '--stdio'],
        file,
        rootDir: workspace,
        nvimPath,
        settings: { iotNetlint: { enable: true } },
      });
      assert.ok(!result.timedOut, 'Neovim received diagnostics in time');
      const text = fs.readFileSync(file, 'utf8');
      const lines = new LineIndex(text);
      const expected = analyzeProject([{ id: file, text }], { host: fileSystemHost() })
        .findings.filter((f) => f.doc === file)
        .map((f) => `${f.ruleId}@${lines.positionAt(f.offset).line}:${lines.positionAt(f.offset).character}`)
        .sort();
      const uri = pathToFileURL(file).href;
      const received = result.diagnostics
        .filter((d) => (d as { uri?: string }).uri === undefined || (d as { uri?: string }).uri === uri)
        .map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)
        .sort();
      assert.ok(expected.length > 0);
      assert.deepStrictEqual(received, expected);
    });
  }
});
