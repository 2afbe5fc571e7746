/** What the formatters print: findings grouped by file, with positions computed at this edge. */
import type { Finding } from '../../core/findings';
import { LineIndex } from '../../core/text/lines';

export interface FileReport {
  /** The path as shown: relative to the working folder. */
  path: string;
  absolutePath: string;
  lines: LineIndex;
  findings: Finding[];
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
  fixable: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.infos++;
      // What --fix applies: the first fix, when it can be written.
      if (f.fixes[0]?.edits) t.fixable++;
    }
  }
  return t;
}
