/**
 * Text output: `file:line:col  severity  rule-id  message`, a short code
 * frame under each finding, and a summary line.
 */
import type { Finding } from '../../core/findings';
import type { LineIndex } from '../../core/text/lines';
import { fixToApply } from '../../core/fixes/fixAll';
import { Documents, FileReport, rangeOf, totals } from './report';

export interface TextOptions {
  color: boolean;
  /** With --fix, the fixes applied ('did'); with --fix-dry-run, those --fix would apply ('would'): each file says which. */
  fixes?: 'did' | 'would';
}

const COLORS = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1 } as const;

export function formatText(reports: readonly FileReport[], documents: Documents, options: TextOptions): string {
  const paint = (color: keyof typeof COLORS, s: string) => (options.color ? `\u001b[${COLORS[color]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const report of reports) {
    if (!report.fixed?.length) continue;
    out.push(`${options.fixes === 'would' ? 'Would fix' : 'Fixed'} ${plural(report.fixed.length, 'problem')} in ${report.path}:`);
    for (const fix of report.fixed) out.push(`  ${paint('gray', fix.ruleId)}  ${fix.title}`);
    out.push('');
  }
  for (const report of reports) {
    for (const f of report.findings) {
      const r = rangeOf(report.lines, f.offset, f.length);
      const severity = f.severity === 'error' ? paint('red', 'error') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
      out.push(`${report.path}:${r.startLine}:${r.startColumn}  ${severity}  ${paint('gray', f.ruleId)}  ${f.message}`);
      // A file that was not read (too large, ignored, binary) has no text to frame.
      if (report.lines.text !== '') out.push(...codeFrame(report.lines, f, paint));
      for (const related of f.related) {
        const doc = documents.get(related.doc);
        if (!doc) continue;
        const rr = rangeOf(doc.lines, related.offset, related.length);
        out.push(paint('gray', `    ${doc.path}:${rr.startLine}:${rr.startColumn}: ${related.message}`));
      }
      // The fix --fix applies, or --fix --unsafe-fixes: an unsafe one says what it costs the deployment.
      const fix = fixToApply(f, { unsafe: true });
      if (fix?.edits) out.push(paint('gray', `    ${fix.safety === 'safe' ? 'fix' : 'unsafe fix'}: ${fix.title}`));
      out.push('');
    }
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  if (problems === 0) {
    out.push('No problems found.');
  } else {
    const summary = `${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')})`;
    out.push(paint('bold', t.errors > 0 ? paint('red', `✖ ${summary}`) : t.warnings > 0 ? paint('yellow', `⚠ ${summary}`) : summary));
    if (t.fixable > 0 && t.unsafeFixable > 0) out.push(`  ${plural(t.fixable, 'problem')} can be fixed with --fix, ${t.unsafeFixable} more with --fix --unsafe-fixes.`);
    else if (t.fixable > 0) out.push(`  ${plural(t.fixable, 'problem')} can be fixed with --fix.`);
    else if (t.unsafeFixable > 0) out.push(`  ${plural(t.unsafeFixable, 'problem')} can be fixed with --fix --unsafe-fixes.`);
  }
  if (options.fixes === 'would') {
    const files = reports.filter((r) => r.fixed?.length).map((r) => r.path);
    out.push(files.length === 0 ? '--fix would change no file.' : `--fix would change ${files.length === 1 ? '1 file' : `${files.length} files`}: ${files.join(', ')}`);
  }
  return out.join('\n') + '\n';
}

/** The finding's first line with a marker under its range, and the line before for context. */
function codeFrame(lines: LineIndex, f: Finding, paint: (c: keyof typeof COLORS, s: string) => string): string[] {
  const start = lines.positionAt(f.offset);
  const end = lines.positionAt(f.offset + f.length);
  const width = String(start.line + 1).length;
  const gutter = (n: number | '') => String(n).padStart(width, ' ');
  const frame: string[] = [];
  const clip = (s: string) => (s.length > 160 ? s.slice(0, 157) + '…' : s);
  if (start.line > 0) frame.push(paint('gray', `  ${gutter(start.line)} | ${clip(lines.lineText(start.line - 1))}`));
  const text = lines.lineText(start.line);
  frame.push(`> ${gutter(start.line + 1)} | ${clip(text)}`);
  const markEnd = end.line === start.line ? Math.max(end.character, start.character + 1) : Math.max(text.length, start.character + 1);
  const marker = ' '.repeat(Math.min(start.character, 160)) + '^'.repeat(Math.max(1, Math.min(markEnd, 160) - Math.min(start.character, 160)));
  frame.push(`  ${gutter('')} | ${paint('red', marker)}`);
  return frame;
}
