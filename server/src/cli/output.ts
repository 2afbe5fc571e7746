/** The report: the findings grouped by file, positions computed from the texts read, in the format asked for. */
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { AppliedFix } from '../core/fixes/fixAll';
import { RULES } from '../core/rules';
import { LineIndex } from '../core/text/lines';
import type { CliOptions } from './args';
import { formatAzureDevOps, formatGithub } from './formatters/annotations';
import { formatJson } from './formatters/json';
import { Documents, FileReport } from './formatters/report';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';

export interface ReportInput {
  findings: readonly Finding[];
  /** The text of every document a finding or related location may point into, by absolute path. */
  texts: ReadonlyMap<string, string>;
  /** With --fix-dry-run: the fixed text of each file --fix would change. */
  wouldFix?: ReadonlyMap<string, string>;
  /** With --fix or --fix-dry-run: the fixes applied (or that would be) to each file they change. */
  fixed?: ReadonlyMap<string, readonly AppliedFix[]>;
  cwd: string;
  color: boolean;
  version: string;
}

export function renderReport(options: CliOptions, input: ReportInput): string {
  const lineCache = new Map<string, LineIndex>();
  const documents: Documents = {
    get(absolutePath) {
      let lines = lineCache.get(absolutePath);
      if (!lines) lineCache.set(absolutePath, (lines = new LineIndex(input.texts.get(absolutePath) ?? '')));
      return { path: path.relative(input.cwd, absolutePath) || absolutePath, lines };
    },
  };
  const byDoc = new Map<string, Finding[]>();
  for (const f of input.findings) byDoc.set(f.doc, [...(byDoc.get(f.doc) ?? []), f]);
  // Every file fixes changed (or a dry run would) is named, those left without findings too.
  for (const p of input.fixed?.keys() ?? []) if (!byDoc.has(p)) byDoc.set(p, []);
  const reports: FileReport[] = [...byDoc.keys()].sort().map((doc) => {
    const d = documents.get(doc)!;
    return { path: d.path, absolutePath: doc, lines: d.lines, findings: byDoc.get(doc)!.sort((a, b) => a.offset - b.offset), fixed: input.fixed?.get(doc) };
  });
  switch (options.format) {
    case 'json':
      return formatJson(reports, documents, input.version, input.wouldFix);
    case 'sarif':
      return formatSarif(reports, documents, RULES, input.version, input.cwd);
    case 'github':
      return formatGithub(reports);
    case 'azure-devops':
      return formatAzureDevOps(reports);
    default: {
      return formatText(reports, documents, { color: input.color, fixes: input.fixed && (input.wouldFix ? 'would' : 'did') });
    }
  }
}
