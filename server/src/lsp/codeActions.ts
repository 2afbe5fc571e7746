/**
 * Code actions: every fix of a finding as a quick fix (the first safe one
 * preferred; an unsafe one says in its title what it costs the deployment),
 * "Disable <rule> for this line", and fix-all of the safe fixes as
 * `source.fixAll.iotNetlint` for `editor.codeActionsOnSave`.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '../core/findings';
import { minimalEdit, TextEdit } from '../core/fixes/edits';
import { LineIndex, detectEol } from '../core/text/lines';
import { rangeOf } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.iotNetlint`;

export interface ActionContext {
  uri: string;
  /** The findings of the document, with the text they were found in. */
  findings: readonly Finding[];
  lines: LineIndex;
  linesOf(doc: string): LineIndex | undefined;
  /** The diagnostic a finding was published as (so the client links the action to it). */
  diagnosticOf(finding: Finding): Diagnostic;
  isRule(ruleId: string): boolean;
  /** The comment that starts a line comment in this document's language. */
  commentPrefix: string;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Text edits of the analysis, as a workspace edit with positions. */
export function workspaceEdit(edits: readonly TextEdit[], linesOf: (doc: string) => LineIndex | undefined): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const lines = linesOf(e.doc);
    if (!lines) return undefined;
    (changes[e.doc] ??= []).push({ range: rangeOf(lines, e.offset, e.length), newText: e.newText });
  }
  return { changes };
}

export function quickFixes(ctx: ActionContext, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of ctx.findings) {
    const findingRange = rangeOf(ctx.lines, finding.offset, finding.length);
    if (!overlaps(findingRange, range)) continue;
    const diagnostic = ctx.diagnosticOf(finding);
    // Preferred (applied by the editor's "auto fix") only when it is safe.
    const preferred = finding.fixes.find((f) => f.safety === 'safe');
    for (const fix of finding.fixes) {
      const edits = fix.edits;
      const edit = edits && workspaceEdit(edits, ctx.linesOf);
      if (!edit) continue;
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix === preferred, edit });
    }
    if (ctx.isRule(finding.ruleId)) {
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [ctx.uri]: [disableComment(ctx.lines, findingRange.start.line, finding.ruleId, ctx.commentPrefix)] } },
      });
    }
  }
  return actions;
}

/**
 * The suppression comment above a line, at the line's indentation; when the
 * line above already holds one, the rule joins it.
 */
export function disableComment(lines: LineIndex, line: number, ruleId: string, prefix: string): LspTextEdit {
  const directive = `${prefix} iot-netlint-disable-next-line`;
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const m = new RegExp(`^(\\s*)${escape(directive)}((?:\\s+[\\w-]+)*)(.*)$`).exec(above);
    if (m && !m[2].split(/\s+/).includes(ruleId)) {
      const at = lines.lineStart(line - 1) + m[1].length + directive.length + m[2].length;
      const position = lines.positionAt(at);
      return { range: { start: position, end: position }, newText: ` ${ruleId}` };
    }
  }
  const text = lines.lineText(line);
  const indent = /^\s*/.exec(text)![0];
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}${directive} ${ruleId}${detectEol(lines.text)}` };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fix-all for one document: the text after all safe fixes, as one edit; undefined when nothing changes. */
export function fixAllEdit(uri: string, before: string, after: string): WorkspaceEdit | undefined {
  if (before === after) return undefined;
  const e = minimalEdit(uri, before, after);
  const lines = new LineIndex(before);
  return { changes: { [uri]: [{ range: rangeOf(lines, e.offset, e.length), newText: e.newText }] } };
}
