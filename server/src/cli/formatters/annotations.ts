/**
 * Annotations for CI services, one finding per line, in each service's own
 * logging command: the findings show on the changed lines of a pull request
 * without a code scanning service.
 *
 *   github        ::error file=infra/hub.json,line=10,col=42,endLine=10,endColumn=48,title=restrict-outbound-value-type::…
 *   azure-devops  ##vso[task.logissue type=error;sourcepath=infra/hub.json;linenumber=10;columnnumber=42;code=restrict-outbound-value-type]…
 */
import type { Finding } from '../../core/findings';
import { withForwardSlashes } from '../../node/files';
import { FileReport, rangeOf, totals } from './report';

/** GitHub Actions workflow commands (`::error`, `::warning`, `::notice`). */
export function formatGithub(reports: readonly FileReport[]): string {
  // Data is escaped for %, CR and LF; property values for : and , too.
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = (f: Finding) => (f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice');
  const out: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const r = rangeOf(report.lines, f.offset, f.length);
      const where = `file=${property(withForwardSlashes(report.path))},line=${r.startLine},col=${r.startColumn},endLine=${r.endLine},endColumn=${r.endColumn}`;
      out.push(`::${command(f)} ${where},title=${property(f.ruleId)}::${data(f.message)}`);
    }
  }
  return out.map((line) => line + '\n').join('') + summary(reports);
}

/** Azure Pipelines logging commands (`##vso[task.logissue]`); it knows errors and warnings only, so an info is a warning there. */
export function formatAzureDevOps(reports: readonly FileReport[]): string {
  const data = (s: string) => s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/;/g, '%3B').replace(/]/g, '%5D');
  const out: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const r = rangeOf(report.lines, f.offset, f.length);
      const type = f.severity === 'error' ? 'error' : 'warning';
      const message = f.severity === 'info' ? `(info) ${f.message}` : f.message;
      out.push(`##vso[task.logissue type=${type};sourcepath=${property(withForwardSlashes(report.path))};linenumber=${r.startLine};columnnumber=${r.startColumn};code=${property(f.ruleId)}]${data(message)}`);
    }
  }
  return out.map((line) => line + '\n').join('') + summary(reports);
}

/** The counts, as a plain last line of the log. */
function summary(reports: readonly FileReport[]): string {
  const t = totals(reports);
  return `iot-netlint: ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos\n`;
}
