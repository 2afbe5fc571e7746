/** Analysis of in-memory files, as the tests use it. */
import { cloudNamed } from '../../server/src/core/clouds';
import { memoryHost } from '../../server/src/core/host';
import { analyzeProject, ProjectResult } from '../../server/src/core/project';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import type { Finding } from '../../server/src/core/findings';
import type { Severity } from '../../server/src/core/rules/rule';

export function analyzeTexts(files: Record<string, string>, options: { cloud?: string; unusedDirectives?: Severity } = {}): ProjectResult {
  const host = memoryHost(files);
  return analyzeProject(
    Object.entries(files).map(([id, text]) => ({ id, text, explicit: true })),
    { host, cloud: cloudNamed(options.cloud), unusedDirectives: options.unusedDirectives },
  );
}

/** Applies a fix to the files it edits; returns the new texts. */
export function applyFix(files: Record<string, string>, finding: Finding, index = 0): Record<string, string> {
  const fix = finding.fixes[index];
  if (!fix) throw new Error(`Finding ${finding.ruleId} has no fix ${index}`);
  const edits = fix.edits;
  if (!edits) throw new Error(`Fix '${fix.title}' could not be written`);
  const out = { ...files };
  for (const doc of new Set(edits.map((e) => e.doc))) {
    const next = applyTextEdits(out[doc], edits.filter((e) => e.doc === doc));
    if (next === undefined) throw new Error(`Fix '${fix.title}' has overlapping edits`);
    out[doc] = next;
  }
  return out;
}
