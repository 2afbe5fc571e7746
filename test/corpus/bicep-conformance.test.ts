/**
 * The Bicep parser against Bicep's own test inputs and real modules
 * (../shared/corpus): what the Bicep compiler accepts parses without an
 * error, what has syntax errors gets at least one, nothing throws, every
 * node lies inside its parent, and where the compiled ARM template lies
 * beside a file, the parameters, outputs and symbolic resource names read
 * from the tree are those the compiler wrote.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseBicep } from '../../server/src/core/frontends/bicep/parser';
import type * as S from '../../server/src/core/frontends/bicep/syntax';
import { forEachChild } from '../../server/src/core/frontends/bicep/syntax';
import { CORPUS, listFiles, requireCorpus } from '../support/paths';

const CONFORMANCE = path.join(CORPUS, 'bicep-conformance');
const TEMPLATES = path.join(CORPUS, 'templates');
const isBicep = (file: string) => /\.bicep(param)?$/i.test(file);

interface Row {
  file: string;
  expected: 'valid' | 'syntax-error' | 'no-crash';
}

function expectations(): Row[] {
  const [, ...rows] = fs.readFileSync(path.join(CONFORMANCE, 'EXPECTED.csv'), 'utf8').trim().split(/\r?\n/);
  return rows.map((row) => {
    const [file, , expected] = row.split(',');
    return { file, expected: expected as Row['expected'] };
  });
}

function firstErrors(text: string, doc: S.BicepDocument): string {
  return doc.errors
    .slice(0, 3)
    .map((e) => `line ${text.slice(0, e.offset).split('\n').length}: ${e.message}`)
    .join('; ');
}

function checkSpans(doc: S.BicepDocument, file: string): void {
  const visit = (node: S.Node, parent: S.Node) => {
    assert.ok(node.offset >= parent.offset && node.offset + node.length <= parent.offset + parent.length, `${file}: ${node.kind} at ${node.offset} outside its ${parent.kind}`);
    forEachChild(node, (child) => visit(child, node));
  };
  forEachChild(doc.program, (child) => visit(child, doc.program));
}

/** Symbolic names of resources and modules as the compiler writes them: `parent::child` for nested ones. */
function symbolicNames(program: S.Program): string[] {
  const names: string[] = [];
  const visit = (node: S.Node, prefix: string) => {
    if (node.kind === 'ResourceDecl' || node.kind === 'ModuleDecl') {
      names.push(prefix + node.name.name);
      forEachChild(node, (child) => visit(child, `${prefix}${node.name.name}::`));
    } else forEachChild(node, (child) => visit(child, prefix));
  };
  visit(program, '');
  return names.sort();
}

const namesOf = (program: S.Program, kind: 'ParamDecl' | 'OutputDecl') =>
  program.statements.flatMap((s) => (s.kind === kind ? [s.name.name] : [])).sort();

describe('Bicep parser on the conformance corpus and real modules', function () {
  this.timeout(300000);
  before(function () {
    requireCorpus(this);
  });

  it("parses Bicep's valid inputs without error, reports errors in its broken ones, and never throws", () => {
    const rows = expectations();
    const unexpected: string[] = [];
    const missed: string[] = [];
    const counts = { valid: 0, 'syntax-error': 0, 'no-crash': 0 };
    for (const { file, expected } of rows) {
      const text = fs.readFileSync(path.join(CONFORMANCE, file), 'utf8');
      const doc = parseBicep(text);
      counts[expected]++;
      if (expected === 'valid') {
        if (doc.errors.length) unexpected.push(`${file}: ${firstErrors(text, doc)}`);
        else checkSpans(doc, file);
      } else if (expected === 'syntax-error' && doc.errors.length === 0) missed.push(file);
    }
    assert.deepStrictEqual(unexpected, [], 'valid files with errors');
    assert.deepStrictEqual(missed, [], 'files with syntax errors reported clean');
    assert.ok(counts.valid > 300 && counts['syntax-error'] > 10, JSON.stringify(counts));
  });

  it('parses every Bicep file of the template corpus without error', () => {
    const files = listFiles(TEMPLATES, isBicep);
    assert.ok(files.length > 800, `${files.length} files`);
    const failures: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const doc = parseBicep(text);
      if (doc.errors.length) failures.push(`${path.relative(CORPUS, file)}: ${firstErrors(text, doc)}`);
      else checkSpans(doc, file);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('finds the parameters, outputs and resources that the compiled templates beside the files hold', () => {
    let compared = 0;
    let symbolic = 0;
    for (const file of [...listFiles(CONFORMANCE, (f) => f.endsWith('.bicep')), ...listFiles(TEMPLATES, (f) => f.endsWith('.bicep'))]) {
      const compiled = file.replace(/\.bicep$/, '.json');
      if (!fs.existsSync(compiled)) continue;
      const template = JSON.parse(fs.readFileSync(compiled, 'utf8'));
      if (!/deploymentTemplate\.json/.test(template.$schema ?? '')) continue;
      const doc = parseBicep(fs.readFileSync(file, 'utf8'));
      if (doc.errors.length) continue;
      const where = path.relative(CORPUS, file);
      assert.deepStrictEqual(namesOf(doc.program, 'ParamDecl'), Object.keys(template.parameters ?? {}).sort(), `${where}: parameters`);
      assert.deepStrictEqual(namesOf(doc.program, 'OutputDecl'), Object.keys(template.outputs ?? {}).sort(), `${where}: outputs`);
      compared++;
      // Templates with symbolic names key their resources by the Bicep names.
      if (template.resources && !Array.isArray(template.resources)) {
        assert.deepStrictEqual(symbolicNames(doc.program), Object.keys(template.resources).sort(), `${where}: resources`);
        symbolic++;
      }
    }
    assert.ok(compared > 300 && symbolic > 50, `${compared} compared, ${symbolic} with symbolic names`);
  });
});
