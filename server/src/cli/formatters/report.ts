/** What the formatters print: findings grouped by file, with positions computed at this edge. */
import type { Finding } from '../../core/findings';
import { AppliedFix, fixToApply } from '../../core/fixes/fixAll';
import { LineIndex } from '../../core/text/lines';

export interface FileReport {
  /** The path as shown: relative to the working folder. */
  path: string;
  absolutePath: string;
  lines: LineIndex;
  findings: Finding[];
  /** With --fix or --fix-dry-run: the fixes applied to the file (or that would be). */
  fixed?: readonly AppliedFix[];
}

/** Every document a finding or related location may point into. */
export interface Documents {
  get(absolutePath: string): { path: string; lines: LineIndex } | undefined;
}

export interface Range {
  /** One-based. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** One-based line and column range of an offset span. */
export function rangeOf(lines: LineIndex, offset: number, length: number): Range {
  const start = lines.positionAt(offset);
  const end = lines.positionAt(offset + length);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings --fix fixes: they have a safe fix. */
  fixable: number;
  /** Findings only --fix --unsafe-fixes fixes: their fixes are all unsafe. */
  unsafeFixable: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, unsafeFixable: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.infos++;
      // What --fix applies, and what --unsafe-fixes adds, when it can be written.
      const fix = fixToApply(f, { unsafe: true });
      if (fix?.edits) t[fix.safety === 'safe' ? 'fixable' : 'unsafeFixable']++;
    }
  }
  return t;
}
