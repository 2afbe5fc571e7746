/**
 * The catalog, the code, the docs, the fixtures and the configuration schema
 * describe the same rules: every rule of rules.md exists, has its docs page,
 * its fixtures and its schema entry, and nothing else does.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { configSchema } from '../../server/src/core/configSchema';
import { CONFIGURABLE_TOOL_FINDINGS, TOOL_FINDINGS } from '../../server/src/core/findings';
import { USAGE } from '../../server/src/cli/args';
import { RULES } from '../../server/src/core/rules';
import { parseFixture } from '../support/fixture';
import { CORPUS, ROOT } from '../support/paths';
import { casesOf } from '../support/ruleCases';

const CATALOG = path.resolve(CORPUS, '..', 'spec', 'rules.md');
/** The front-ends that exist so far, by the fixture extensions that exercise them. */
const FIXTURE_EXTENSIONS: Record<string, RegExp> = { arm: /\.jsonc?$/, bicep: /\.bicep$/ };

describe('meta: rules, docs, fixtures and schema agree', () => {
  const ids = RULES.map((r) => r.id);

  it('has unique kebab-case rule ids', () => {
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('implements exactly the rules of the catalog (rules.md)', function () {
    if (!fs.existsSync(CATALOG)) {
      console.warn(`\n  NOTICE: ${CATALOG} is absent: the comparison with the catalog is skipped.\n`);
      this.skip();
    }
    const catalog = [...fs.readFileSync(CATALOG, 'utf8').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    assert.deepStrictEqual([...ids].sort(), [...catalog].sort());
  });

  it('gives every rule a description, messages, and sources', () => {
    for (const rule of RULES) {
      assert.ok(rule.description.endsWith('.'), `${rule.id}: description is one sentence`);
      assert.ok(Object.keys(rule.messages).length > 0, rule.id);
      assert.ok(rule.sources.length > 0, rule.id);
    }
  });

  it('documents every rule in docs/rules/<id>.md, and nothing else', () => {
    const dir = path.join(ROOT, 'docs', 'rules');
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    assert.deepStrictEqual(pages.sort(), [...ids].sort());
    for (const id of ids) {
      const page = fs.readFileSync(path.join(dir, `${id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${id}`), `${id}.md starts with its id`);
      for (const section of ['## What it finds', '## Why it matters', '## Example', '## How to fix', '## How to suppress']) {
        assert.ok(page.includes(section), `${id}.md has "${section}"`);
      }
    }
  });

  it('has fixtures for every rule: findings marked for it, a clean case, and fixes for fixable rules; no folder for unknown ids', () => {
    const dir = path.join(ROOT, 'test', 'rules');
    const folders = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory());
    assert.deepStrictEqual(folders.sort(), [...ids].sort());
    for (const rule of RULES) {
      const { cases, fixes } = casesOf(path.join(dir, rule.id));
      for (const source of rule.sources.filter((s) => FIXTURE_EXTENSIONS[s])) {
        const ofSource = cases.filter((c) => c.files.some((f) => FIXTURE_EXTENSIONS[source].test(f)));
        const marked = ofSource.filter((c) => c.files.some((f) => parseFixture(fs.readFileSync(f, 'utf8')).expectations.some((e) => e.ruleId === rule.id)));
        assert.ok(marked.length > 0, `${rule.id}: a ${source} fixture marks a finding of the rule`);
        assert.ok(ofSource.some((c) => c.name.startsWith('clean')), `${rule.id}: a clean ${source} fixture`);
      }
      // Each front-end has its own writer: a fixable rule shows its fix in each language it reads.
      for (const source of rule.sources.filter((s) => rule.fixes.length > 0 && FIXTURE_EXTENSIONS[s])) {
        assert.ok(fixes.some((f) => FIXTURE_EXTENSIONS[source].test(f.before)), `${rule.id}: the catalog names a fix, so a ${source} before/after pair shows it`);
      }
      if (rule.fixes.length === 0) assert.strictEqual(fixes.length, 0, `${rule.id}: the catalog names no fix`);
    }
  });

  it('says of every rule, in the README, the rules index and its page, whether its fixes are safe or unsafe', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const index = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    for (const rule of RULES) {
      const kind = rule.fixes.length === 0 ? undefined : rule.fixes.join(' and ');
      const inReadme = new RegExp(`^\\| \\[\`${rule.id}\`\\]\\(docs/rules/${rule.id}\\.md\\) \\|.*\\| ([^|]+) \\|$`, 'm').exec(readme)?.[1];
      assert.strictEqual(inReadme, kind ?? '—', `README: ${rule.id}`);
      const inIndex = new RegExp(`^\\| \\[${rule.id}\\]\\(${rule.id}\\.md\\) \\|.*\\| ([^|]+) \\|$`, 'm').exec(index)?.[1];
      assert.strictEqual(inIndex, kind ?? 'no', `docs/rules/README.md: ${rule.id}`);
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      const cell = page.split('\n')[6].split(' | ').pop()!;
      if (kind) assert.ok(cell.startsWith(`**${kind.charAt(0).toUpperCase()}${kind.slice(1)}**`), `${rule.id}.md: the Fix cell says ${kind}: ${cell}`);
      else assert.match(cell, /^none/, `${rule.id}.md: the Fix cell says none`);
    }
  });

  it('explains every finding of the tool itself in the README, where its diagnostics link to', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Findings that are not rules'));
    const listed = [...section.slice(0, section.indexOf('\n## ')).matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    assert.deepStrictEqual(listed.sort(), Object.values(TOOL_FINDINGS).sort());
  });

  it('documents in the README every option of the command line, as --help lists them', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## In the editor'));
    const options = (text: string) => new Set([...text.matchAll(/(?<![\w-])--?[a-z][a-z-]*/g)].map((m) => m[0]).filter((o) => o !== '--'));
    const documented = options([...table.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]).join(' '));
    // Each option line of --help starts with the option and its argument, then two spaces before the explanation.
    const helped = options([...USAGE.matchAll(/^ {2}(-\S.*?)(?: {2}|$)/gm)].map((m) => m[1]).join(' '));
    assert.deepStrictEqual([...documented].sort(), [...helped].filter((o) => o !== '-h' && o !== '--help' && o !== '-v' && o !== '--version').sort());
  });

  it('ships a configuration schema with an entry per rule, and per finding of the tool a configuration may silence', () => {
    const file = path.join(ROOT, 'server', 'schemas', 'iot-netlint.schema.json');
    const committed = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(committed, JSON.parse(JSON.stringify(configSchema(RULES))), 'Run `npm run schema` to update it');
    assert.deepStrictEqual(Object.keys(committed.properties.rules.properties).sort(), [...ids, ...CONFIGURABLE_TOOL_FINDINGS.map((f) => f.id)].sort());
  });
});

describe('meta: the analysis core is pure', () => {
  const FORBIDDEN = /\b(?:from|require\()\s*['"](fs|path|os|http|https|net|child_process|worker_threads|vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|@azure\/[^'"]+)['"]/;

  /** Each TypeScript file of server/src/core, with its path from the root and its text. */
  function coreSources(): Array<{ file: string; text: string }> {
    const out: Array<{ file: string; text: string }> = [];
    const stack = [path.join(ROOT, 'server', 'src', 'core')];
    while (stack.length) {
      const dir = stack.pop()!;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else if (entry.name.endsWith('.ts')) out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
    return out;
  }

  it('imports no file system, network, editor or Azure module in server/src/core', () => {
    const offenders: string[] = [];
    for (const { file, text } of coreSources()) {
      const m = FORBIDDEN.exec(text);
      if (m) offenders.push(`${file} imports ${m[1]}`);
      if (/\bprocess\.(env|cwd|argv|exit)/.test(text)) offenders.push(`${file} reads the process`);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('keeps what it remembers of an analysis in that analysis, not in module-level weak maps', () => {
    // A weak map that outlives the analyses keeps each one's young objects alive through every minor collection
    // (its entries are only cleared by a full one): in an editor, every keystroke then pays for copying them.
    // Per-analysis values belong in Model.memo/memoFor; a module-level weak map may only be keyed by what lives as
    // long as the process (a host).
    const offenders: string[] = [];
    for (const { file, text } of coreSources()) {
      for (const m of text.matchAll(/^(?:export )?const (\w+) = new WeakMap<(\w+)/gm)) if (m[2] !== 'Host') offenders.push(`${file}: ${m[1]} (keyed by ${m[2]})`);
    }
    assert.deepStrictEqual(offenders, []);
  });
});
