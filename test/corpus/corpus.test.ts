/**
 * Real templates written by others (../shared/corpus): every one analyses
 * without throwing and within a second, with no two findings that say
 * opposite things of one place, and what fires on them is summed up
 * in test/corpus/summary.json, committed, so that a change that moves a
 * finding on real code shows in review. Run with UPDATE_CORPUS_SUMMARY=1 to
 * write the summary anew after checking each change is right.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileSystemHost } from '../../server/src/node/fileHost';
import { analyzeProject } from '../../server/src/core/project';
import { contradictions } from '../support/claims';
import { CORPUS, listFiles, requireCorpus, ROOT } from '../support/paths';

const SUMMARY = path.join(ROOT, 'test', 'corpus', 'summary.json');
const MAX_MS = 1000;

interface Summary {
  filesAnalysed: number;
  /** ARM templates and Bicep files among them. */
  templates: number;
  findingsPerRule: Record<string, number>;
  /** Each finding: `file:line rule-id`. */
  findings: string[];
}

describe('corpus of real templates', function () {
  this.timeout(600000);
  before(function () {
    requireCorpus(this);
  });

  it('analyses every ARM template and Bicep file without throwing, each within a second, as summed up in summary.json', () => {
    const sources = (f: string) => /\.(json|bicep|bicepparam)$/i.test(f);
    const files = [...listFiles(path.join(CORPUS, 'templates'), sources), ...listFiles(path.join(CORPUS, 'cli'), sources)];
    const host = fileSystemHost();
    const summary: Summary = { filesAnalysed: 0, templates: 0, findingsPerRule: {}, findings: [] };
    const slow: string[] = [];
    const contradicting: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const started = process.hrtime.bigint();
      const result = analyzeProject([{ id: file, text }], { host });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (ms > MAX_MS) slow.push(`${path.relative(CORPUS, file)}: ${ms.toFixed(0)} ms`);
      contradicting.push(...contradictions(result.findings).map((c) => `${path.relative(CORPUS, file)}: ${c}`));
      summary.filesAnalysed++;
      if (result.documents.some((d) => d.id === file && (d.language === 'arm-template' || d.language === 'bicep'))) summary.templates++;
      for (const f of result.findings) {
        summary.findingsPerRule[f.ruleId] = (summary.findingsPerRule[f.ruleId] ?? 0) + 1;
        // A finding may be in another file than the one analysed (a module, a linked template).
        const docText = result.documents.find((d) => d.id === f.doc)?.text ?? text;
        const line = docText.slice(0, f.offset).split('\n').length;
        summary.findings.push(`${path.relative(CORPUS, f.doc).split(path.sep).join('/')}:${line} ${f.ruleId}`);
      }
    }
    summary.findings.sort();
    summary.findingsPerRule = Object.fromEntries(Object.entries(summary.findingsPerRule).sort());
    assert.deepStrictEqual(slow, [], 'templates over a second');
    assert.deepStrictEqual(contradicting, [], 'findings that say opposite things of one place');
    if (process.env.UPDATE_CORPUS_SUMMARY === '1' || !fs.existsSync(SUMMARY)) {
      fs.writeFileSync(SUMMARY, JSON.stringify(summary, null, 2) + '\n');
    }
    const committed = JSON.parse(fs.readFileSync(SUMMARY, 'utf8'));
    assert.deepStrictEqual(summary, committed, 'Findings on the corpus moved: check each, then run with UPDATE_CORPUS_SUMMARY=1');
  });
});
