/**
 * Runs every rule fixture of test/rules/<rule-id>/:
 *   <case>.json          one template (with its <case>.parameters.json, if any), expectations under the lines
 *   <case>/              several files analysed together
 *   <case>.bicep         a Bicep file (with its <case>.bicepparam, if any), expectations under the lines
 *   fix-<name>.before.json / fix-<name>.after.json   the first fix of the rule's first fixable finding, applied (also .bicep)
 * All rules run on every fixture, so a line without a marker must produce nothing at all.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../server/src/core/findings';
import { ruleById } from '../server/src/core/rules';
import { LineIndex } from '../server/src/core/text/lines';
import { analyzeTexts, applyFix } from './support/analyze';
import { contradictions } from './support/claims';
import { Expectation, parseFixture } from './support/fixture';
import { ROOT } from './support/paths';
import { casesOf, Case, parametersOf } from './support/ruleCases';

const FIXTURES = path.join(ROOT, 'test', 'rules');

/** A virtual path per fixture file, so messages and ids do not depend on where the project lives. */
function virtualId(file: string): string {
  return '/fixtures/' + path.relative(FIXTURES, file).split(path.sep).join('/');
}

interface Mark {
  doc: string;
  line: number;
  startColumn: number;
  endColumn: number;
  ruleId: string;
}

function markOf(f: Finding, lines: LineIndex): Mark {
  const start = lines.positionAt(f.offset);
  const end = lines.positionAt(f.offset + f.length);
  const endColumn = end.line === start.line ? end.character : lines.lineText(start.line).length;
  return { doc: f.doc, line: start.line, startColumn: start.character, endColumn, ruleId: f.ruleId };
}

const key = (m: Mark) => `${m.doc}:${m.line + 1}:${m.startColumn + 1}-${m.endColumn + 1} ${m.ruleId}`;

function runCase(c: Case): void {
  const texts: Record<string, string> = {};
  const expected: Array<Mark & Expectation> = [];
  let cloud: string | undefined;
  for (const file of c.files) {
    const fixture = parseFixture(fs.readFileSync(file, 'utf8'));
    const id = virtualId(file);
    texts[id] = fixture.text;
    cloud = cloud ?? fixture.directives.cloud;
    for (const e of fixture.expectations) expected.push({ ...e, doc: id });
  }
  const result = analyzeTexts(texts, { cloud });
  // No two findings say opposite things of one place.
  assert.deepStrictEqual(contradictions(result.findings), [], 'Findings contradict each other');
  const lines = new Map(Object.entries(texts).map(([id, text]) => [id, new LineIndex(text)]));
  const actual = result.findings.map((f) => ({ finding: f, mark: markOf(f, lines.get(f.doc)!) }));
  const actualKeys = actual.map((a) => key(a.mark)).sort();
  const expectedKeys = expected.map(key).sort();
  assert.deepStrictEqual(actualKeys, expectedKeys, `Findings differ from the markers.\nActual:\n${actual.map((a) => `  ${key(a.mark)}  ${a.finding.message}`).join('\n') || '  (none)'}`);
  // A rule's fixes are of the kinds it declares (the README and its page say which).
  for (const { finding } of actual) {
    const rule = ruleById(finding.ruleId);
    for (const fix of rule ? finding.fixes : []) assert.ok(rule!.fixes.includes(fix.safety), `${finding.ruleId} declares ${rule!.fixes.join(', ') || 'no'} fixes, but offers a ${fix.safety} one: ${fix.title}`);
  }
  for (const e of expected) {
    const match = actual.find((a) => key(a.mark) === key(e))!.finding;
    if (e.severity) assert.strictEqual(match.severity, e.severity, `Severity of ${key(e)}`);
    if (e.message) assert.ok(match.message.includes(e.message), `Message of ${key(e)} is "${match.message}", expected to contain "${e.message}"`);
  }
}

function runFix(ruleId: string, fix: { before: string; after: string }): void {
  const beforeFixture = parseFixture(fs.readFileSync(fix.before, 'utf8'));
  const id = virtualId(fix.before).replace(/\.before(\.\w+)$/, '$1');
  const files: Record<string, string> = { [id]: beforeFixture.text };
  // A parameters file for the template, when the case needs one.
  const parameters = parametersOf(fix.before.replace(/\.before(\.\w+)$/, '$1'));
  if (fs.existsSync(parameters)) files[parametersOf(id)] = fs.readFileSync(parameters, 'utf8');
  const cloud = beforeFixture.directives.cloud;
  const before = analyzeTexts(files, { cloud });
  const candidates = before.findings.filter((f) => f.ruleId === ruleId && f.fixes.length > 0);
  assert.ok(candidates.length > 0, `No fixable ${ruleId} finding in ${path.basename(fix.before)}`);
  const nth = Number(beforeFixture.directives.finding ?? '1') - 1;
  const finding = candidates[nth];
  assert.ok(finding, `No fixable finding number ${nth + 1}`);
  const fixIndex = Number(beforeFixture.directives.fix ?? '1') - 1;
  const fixed = applyFix(files, finding, fixIndex);
  const expected = fs.readFileSync(fix.after, 'utf8');
  assert.strictEqual(fixed[id], expected, `Text after '${finding.fixes[fixIndex].title}'`);
  const after = analyzeTexts(fixed, { cloud });
  assert.deepStrictEqual(after.findings.filter((f) => f.ruleId === 'syntax-error').map((f) => f.message), [], 'The fixed file must parse');
  const stillThere = after.findings.filter((f) => f.ruleId === ruleId && f.message === finding.message);
  assert.deepStrictEqual(stillThere.map((f) => f.message), [], 'The finding the fix addressed must be gone');
}

describe('rule fixtures', () => {
  const ruleDirs = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory()).sort() : [];
  for (const ruleId of ruleDirs) {
    describe(ruleId, () => {
      const { cases, fixes } = casesOf(path.join(FIXTURES, ruleId));
      for (const c of cases) it(c.name, () => runCase(c));
      for (const f of fixes) it(`fix: ${f.name}`, () => runFix(ruleId, f));
    });
  }
});
