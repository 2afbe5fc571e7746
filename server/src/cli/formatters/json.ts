/** JSON output: every file's findings with one-based positions, related locations and fixes as text edits. */
import { Documents, FileReport, rangeOf, totals } from './report';

/** `outputs`: with --fix-dry-run, the fixed text of each file --fix would change, by absolute path. */
export function formatJson(reports: readonly FileReport[], documents: Documents, version: string, outputs: ReadonlyMap<string, string> = new Map()): string {
  const files = reports.map((report) => ({
    path: report.path,
    ...(outputs.has(report.absolutePath) ? { output: outputs.get(report.absolutePath) } : {}),
    ...(report.fixed ? { fixed: report.fixed } : {}),
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...rangeOf(report.lines, f.offset, f.length),
      offset: f.offset,
      length: f.length,
      related: f.related.map((r) => {
        const doc = documents.get(r.doc);
        return { path: doc?.path ?? r.doc, message: r.message, ...(doc ? rangeOf(doc.lines, r.offset, r.length) : {}), offset: r.offset, length: r.length };
      }),
      fixes: f.fixes
        .filter((fix) => fix.edits)
        .map((fix) => ({
          title: fix.title,
          safety: fix.safety,
          edits: fix.edits!.map((e) => ({ path: documents.get(e.doc)?.path ?? e.doc, offset: e.offset, length: e.length, newText: e.newText })),
        })),
    })),
  }));
  return JSON.stringify({ tool: 'iot-netlint', version, files, summary: totals(reports) }, null, 2) + '\n';
}
