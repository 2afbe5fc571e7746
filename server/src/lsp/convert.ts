/**
 * Findings as the Language Server Protocol carries them: offsets become
 * positions here, at the edge, with the text the analysis read.
 */
import { CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver';
import { Finding, TOOL_FINDINGS, TOOL_FINDINGS_URL } from '../core/findings';
import { docsUrl, Severity } from '../core/rules/rule';
import type { LineIndex } from '../core/text/lines';

export const SOURCE = 'iot-netlint';

export function rangeOf(lines: LineIndex, offset: number, length: number): Range {
  return { start: lines.positionAt(offset), end: lines.positionAt(offset + length) };
}

export function severityOf(severity: Severity): DiagnosticSeverity {
  return severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** Tool findings (syntax errors, skipped files) have no rule page: they link to the README's section. */
export function helpUrl(ruleId: string, isRule: boolean): string {
  return isRule ? docsUrl(ruleId) : TOOL_FINDINGS_URL;
}

export function toDiagnostic(
  finding: Finding,
  lines: LineIndex,
  linesOf: (doc: string) => LineIndex | undefined,
  isRule: boolean,
  supportsRelated: boolean,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(lines, finding.offset, finding.length),
    severity: severityOf(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: helpUrl(finding.ruleId, isRule) } as CodeDescription,
    source: SOURCE,
    message: finding.message,
  };
  // A suppression comment that suppresses nothing is shown faded, as unused code is, not as a problem.
  if (finding.ruleId === TOOL_FINDINGS.unusedDirective) {
    diagnostic.severity = DiagnosticSeverity.Hint;
    diagnostic.tags = [DiagnosticTag.Unnecessary];
  }
  if (supportsRelated && finding.related.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of finding.related) {
      const relatedLines = linesOf(r.doc);
      if (relatedLines) related.push({ location: { uri: r.doc, range: rangeOf(relatedLines, r.offset, r.length) }, message: r.message });
    }
    diagnostic.relatedInformation = related;
  }
  return diagnostic;
}
