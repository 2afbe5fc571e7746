/**
 * Fixtures that read like the files they check: the expected finding is
 * written under the offending line, carets under its range, then the rule id.
 *
 *   "allowedFqdnList": ["contoso.blob.core.windows.net"]
 *   //                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ iothub-egress-allowlist-missing-builtin-endpoint
 *
 * A marker may add a piece of the expected message after a colon, and a
 * severity in brackets: `^^^ rule-id [info]: repeats an earlier entry`.
 * Marker lines are removed before analysis. A finding that spans several
 * lines is marked on its first line, to the end of that line.
 */

export interface Expectation {
  /** Zero-based line of the stripped text. */
  line: number;
  startColumn: number;
  endColumn: number;
  ruleId: string;
  severity?: string;
  message?: string;
}

export interface Fixture {
  text: string;
  expectations: Expectation[];
  /** `// @name value` directives (`@cloud AzureChinaCloud`). */
  directives: Record<string, string>;
}

const MARKER = /^(\s*(?:\/\/|#)\s*)(\^+)\s+([a-z0-9-]+)(?:\s+\[(error|warning|info)\])?(?:\s*:\s*(.*))?$/;
const DIRECTIVE = /^\s*(?:\/\/|#)\s*@(\w+)\s+(.*)$/;

export function parseFixture(source: string): Fixture {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  const kept: string[] = [];
  const expectations: Expectation[] = [];
  const directives: Record<string, string> = {};
  for (const line of lines) {
    const marker = MARKER.exec(line);
    if (marker) {
      if (kept.length === 0) throw new Error(`A marker with no line above it: ${line}`);
      const startColumn = marker[1].length;
      expectations.push({
        line: kept.length - 1,
        startColumn,
        endColumn: startColumn + marker[2].length,
        ruleId: marker[3],
        severity: marker[4],
        message: marker[5]?.trim() || undefined,
      });
      continue;
    }
    const directive = DIRECTIVE.exec(line);
    if (directive) directives[directive[1]] = directive[2].trim();
    kept.push(line);
  }
  return { text: kept.join(eol), expectations, directives };
}
