/**
 * Suppression comments:
 *
 *   // iot-netlint-disable-next-line <id> [<id> …] [-- reason]
 *   "x": 1 // iot-netlint-disable-line <id>
 *   # iot-netlint-disable-next-line <id>          (bash, PowerShell)
 *   #disable-next-line <id>                       (Bicep's own directive)
 *
 * Without ids, a comment suppresses every rule on its line.
 *
 * A directive of iot-netlint's own that suppresses nothing (a finding fixed
 * since, a misspelt id) can be reported, with a fix that removes it or the id.
 * Bicep's `#disable-next-line` is left alone: its ids are Bicep's linter's too.
 */
import { Finding, TOOL_FINDINGS } from './findings';
import type { TextEdit } from './fixes/edits';
import type { SourceComment, SourceDocument } from './model/document';
import type { Severity } from './rules/rule';
import { LineIndex, lineStartOf } from './text/lines';

export interface Suppression {
  /** The line whose findings are suppressed (zero-based). */
  line: number;
  /** The rule ids, or undefined for all rules. */
  ruleIds: string[] | undefined;
  comment: SourceComment;
  /** Written as iot-netlint's own directive, not as Bicep's. */
  own: boolean;
}

const DIRECTIVE = /^\s*(?:iot-netlint-disable-(next-line|line)|#?disable-(next-line))(?=\s|$)([^]*)$/;

/** `lines` may be given as a function: the lines of a document are only made when one of its comments is a directive. */
export function readSuppressions(comments: readonly SourceComment[], linesOf: LineIndex | (() => LineIndex)): Suppression[] {
  const out: Suppression[] = [];
  let lines: LineIndex | undefined;
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    lines ??= typeof linesOf === 'function' ? linesOf() : linesOf;
    const kind = m[1] ?? m[2];
    const rest = m[3].split(/\s--\s|\s--$/)[0];
    const ids = rest.split(/[\s,]+/).filter((s) => s.length > 0);
    const start = lines.positionAt(comment.offset).line;
    const end = lines.positionAt(comment.offset + comment.length).line;
    out.push({ line: kind === 'line' ? start : end + 1, ruleIds: ids.length ? ids : undefined, comment, own: m[1] !== undefined });
  }
  return out;
}

/** The directives that silence a rule on a line (more than one may). */
export function suppressing(suppressions: readonly Suppression[], ruleId: string, line: number): Suppression[] {
  return suppressions.filter((s) => s.line === line && (!s.ruleIds || s.ruleIds.includes(ruleId)));
}

export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): boolean {
  return suppressing(suppressions, ruleId, line).length > 0;
}

/** What each directive silenced during an analysis: the ids of the findings it kept quiet. */
export class SuppressionUse {
  private readonly used = new Map<Suppression, Set<string>>();

  mark(suppression: Suppression, ruleId: string): void {
    let ids = this.used.get(suppression);
    if (!ids) this.used.set(suppression, (ids = new Set()));
    ids.add(ruleId);
  }

  silenced(suppression: Suppression): ReadonlySet<string> | undefined {
    return this.used.get(suppression);
  }
}

/**
 * Findings for the directives of a document that silenced nothing, and for
 * the ids of a directive that name no rule or silenced nothing while others did.
 */
export function unusedDirectives(doc: SourceDocument, suppressions: readonly Suppression[], use: SuppressionUse, knownIds: ReadonlySet<string>, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const finding = (s: Suppression, message: string, title: string, edits: TextEdit[]): Finding => ({
    ruleId: TOOL_FINDINGS.unusedDirective,
    severity,
    message,
    doc: doc.id,
    offset: s.comment.offset,
    length: s.comment.length,
    related: [],
    // A comment that suppresses nothing changes nothing a deployment does.
    fixes: [{ title, safety: 'safe', edits }],
  });
  for (const s of suppressions) {
    if (!s.own) continue;
    const silenced = use.silenced(s);
    if (!s.ruleIds) {
      if (!silenced) out.push(finding(s, 'This directive suppresses nothing: no finding is on the line it names.', 'Remove the unused directive', [removeComment(doc, s.comment)]));
      continue;
    }
    const unused = s.ruleIds.filter((id) => !silenced?.has(id));
    if (unused.length === 0) continue;
    const why = (id: string) => (knownIds.has(id) ? `no finding of '${id}' is on the line it names` : `'${id}' is not a rule of iot-netlint`);
    if (unused.length === s.ruleIds.length) {
      out.push(finding(s, `This directive suppresses nothing: ${unused.map(why).join(', and ')}.`, 'Remove the unused directive', [removeComment(doc, s.comment)]));
      continue;
    }
    for (const id of new Set(unused)) {
      const edit = removeId(doc, s.comment, id);
      if (edit) out.push(finding(s, `'${id}' in this directive suppresses nothing: ${why(id)}.`, `Remove '${id}' from the directive`, [edit]));
    }
  }
  return out;
}

/** Removes a comment: its whole line when nothing else is on it, else the comment and the blanks that part it from the code. */
function removeComment(doc: SourceDocument, comment: SourceComment): TextEdit {
  const text = doc.text;
  const start = comment.offset;
  const end = comment.offset + comment.length;
  const lineStart = lineStartOf(text, start);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (before.trim() === '' && after.trim() === '') {
    // The line and its line break; the last line of a file takes the break before it instead.
    if (newline >= 0) return { doc: doc.id, offset: lineStart, length: newline + 1 - lineStart, newText: '' };
    const from = lineStart > 0 ? lineStart - (text[lineStart - 2] === '\r' ? 2 : 1) : lineStart;
    return { doc: doc.id, offset: from, length: lineEnd - from, newText: '' };
  }
  if (before.trim() !== '') {
    const blanks = before.length - before.trimEnd().length;
    return { doc: doc.id, offset: start - blanks, length: end - (start - blanks), newText: '' };
  }
  const blanks = after.length - after.trimStart().length;
  return { doc: doc.id, offset: start, length: comment.length + blanks, newText: '' };
}

/** Removes an id from a directive's list, every time it is written there: the list is written again with the others, parted as its first two were. */
function removeId(doc: SourceDocument, comment: SourceComment, id: string): TextEdit | undefined {
  const source = doc.text.slice(comment.offset, comment.offset + comment.length);
  const keyword = /iot-netlint-disable-(?:next-line|line)/.exec(source);
  if (!keyword) return undefined;
  const from = keyword.index + keyword[0].length;
  // The ids end where the reason starts, or where a block comment closes.
  const reason = source.slice(from).search(/\s--(?:\s|$)|\*\//);
  const region = source.slice(from, reason < 0 ? source.length : from + reason);
  const tokens = [...region.matchAll(/[^\s,]+/g)].map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length, text: m[0] }));
  const kept = tokens.filter((t) => t.text !== id);
  if (kept.length === tokens.length || kept.length === 0) return undefined;
  const separator = source.slice(tokens[0].end, tokens[1].start);
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  return { doc: doc.id, offset: comment.offset + start, length: end - start, newText: kept.map((t) => t.text).join(separator) };
}
