/**
 * Suppression comments:
 *
 *   // iot-netlint-disable-next-line <id> [<id> …] [-- reason]
 *   "x": 1 // iot-netlint-disable-line <id>
 *   # iot-netlint-disable-next-line <id>          (bash, PowerShell)
 *   #disable-next-line <id>                       (Bicep's own directive)
 *
 * Without ids, a comment suppresses every rule on its line.
 */
import type { SourceComment } from './model/document';
import type { LineIndex } from './text/lines';

export interface Suppression {
  /** The line whose findings are suppressed (zero-based). */
  line: number;
  /** The rule ids, or undefined for all rules. */
  ruleIds: string[] | undefined;
  comment: SourceComment;
}

const DIRECTIVE = /^\s*(?:iot-netlint-disable-(next-line|line)|#?disable-(next-line))(?=\s|$)([^]*)$/;

export function readSuppressions(comments: readonly SourceComment[], lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const kind = m[1] ?? m[2];
    const rest = m[3].split(/\s--\s|\s--$/)[0];
    const ids = rest.split(/[\s,]+/).filter((s) => s.length > 0);
    const start = lines.positionAt(comment.offset).line;
    const end = lines.positionAt(comment.offset + comment.length).line;
    out.push({ line: kind === 'line' ? start : end + 1, ruleIds: ids.length ? ids : undefined, comment });
  }
  return out;
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): boolean {
  return suppressions.some((s) => s.line === line && (!s.ruleIds || s.ruleIds.includes(ruleId)));
}
