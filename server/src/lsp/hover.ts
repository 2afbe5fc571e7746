/** Hover on a finding: what the rule finds, why it matters, how to fix it, and a link to its page. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { Finding } from '../core/findings';
import { ruleById } from '../core/rules';
import type { LineIndex } from '../core/text/lines';
import { helpUrl, rangeOf } from './convert';
import { ruleDoc } from './ruleDocs';

function contains(lines: LineIndex, finding: Finding, position: Position): boolean {
  const offset = lines.offsetAt(position);
  return offset >= finding.offset && offset <= finding.offset + finding.length;
}

export function hover(findings: readonly Finding[], lines: LineIndex, position: Position): Hover | undefined {
  const here = findings.filter((f) => contains(lines, f, position));
  if (here.length === 0) return undefined;
  const sections = here.map((f) => {
    const rule = ruleById(f.ruleId);
    const doc = rule ? ruleDoc(f.ruleId) : undefined;
    // The editor shows the finding's message with the hover already: this adds the rule's side.
    const parts = [`**${f.ruleId}** (${f.severity}) — ${rule ? rule.description : f.message}`];
    if (doc?.why) parts.push(`**Why it matters.** ${doc.why}`);
    if (doc?.fix) parts.push(`**How to fix.** ${doc.fix}`);
    parts.push(`[Documentation](${helpUrl(f.ruleId, !!rule)})`);
    return parts.join('\n\n');
  });
  const first = here[0];
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: rangeOf(lines, first.offset, first.length) };
}
