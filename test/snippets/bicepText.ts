/**
 * What can be checked of Bicep text before there is a Bicep front-end: that
 * braces, brackets, parentheses and strings close (strings with their escapes
 * and `${…}` interpolations, comments, multi-line strings), and which
 * resources it declares.
 */

const CLOSER: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** Bicep's escapes in single-quoted strings: \\ \' \n \r \t \$ and \u{…}. */
const ESCAPE = /^\\(?:[\\'nrt$]|u\{[0-9A-Fa-f]{1,6}\})/;

/** Problems that make the text something other than well-nested Bicep; empty when there are none. */
export function bicepBalanceProblems(text: string): string[] {
  const problems: string[] = [];
  let i = 0;
  const where = (at: number) => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
  };

  /** Code up to the end, or up to the `}` that closes an interpolation. */
  const code = (interpolationAt?: number): void => {
    const stack: Array<{ open: string; at: number }> = [];
    while (i < text.length) {
      const c = text[i];
      if (text.startsWith('//', i)) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? text.length : end;
        continue;
      }
      if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) {
          problems.push(`unclosed comment at ${where(i)}`);
          i = text.length;
          break;
        }
        i = end + 2;
        continue;
      }
      if (text.startsWith("'''", i)) {
        const end = text.indexOf("'''", i + 3);
        if (end < 0) {
          problems.push(`unclosed multi-line string at ${where(i)}`);
          i = text.length;
          break;
        }
        i = end + 3;
        continue;
      }
      if (c === "'") {
        i += 1;
        string(i - 1);
        continue;
      }
      if (c === '"') {
        problems.push(`double quote at ${where(i)}: Bicep strings take single quotes`);
        i += 1;
        continue;
      }
      if (c in CLOSER) {
        stack.push({ open: c, at: i });
        i += 1;
        continue;
      }
      if (c === '}' || c === ']' || c === ')') {
        if (c === '}' && interpolationAt !== undefined && stack.length === 0) {
          i += 1;
          return;
        }
        const top = stack.pop();
        if (!top) problems.push(`'${c}' without an opening bracket at ${where(i)}`);
        else if (CLOSER[top.open] !== c) problems.push(`'${c}' at ${where(i)} closes '${top.open}' of ${where(top.at)}`);
        i += 1;
        continue;
      }
      i += 1;
    }
    if (interpolationAt !== undefined) problems.push(`unclosed interpolation at ${where(interpolationAt)}`);
    for (const open of stack) problems.push(`unclosed '${open.open}' at ${where(open.at)}`);
  };

  /** A single-quoted string, after its opening quote. */
  const string = (openedAt: number): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        const m = ESCAPE.exec(text.slice(i, i + 12));
        if (!m) problems.push(`unknown escape ${JSON.stringify(text.slice(i, i + 2))} at ${where(i)}`);
        i += m ? m[0].length : 2;
        continue;
      }
      if (c === '\n' || c === '\r') {
        problems.push(`string of ${where(openedAt)} not closed on its line`);
        return;
      }
      if (text.startsWith('${', i)) {
        const at = i;
        i += 2;
        code(at);
        continue;
      }
      if (c === "'") {
        i += 1;
        return;
      }
      i += 1;
    }
    problems.push(`unclosed string at ${where(openedAt)}`);
  };

  code();
  return problems;
}

export interface BicepDeclaration {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
}

const DECLARATION = /^resource\s+([A-Za-z_][A-Za-z0-9_]*)\s+'([^'@]+)@([^']+)'\s+(existing\s+)?=\s*(?:if\s*\(.*\)\s*)?[{[]\s*$/;

/**
 * The resources the text declares (`resource sym 'Type@version' = {`). A line
 * that starts with `resource` but does not read as a declaration is returned
 * in `malformed`, so that it is not silently left out.
 */
export function bicepDeclarations(text: string): { declarations: BicepDeclaration[]; malformed: string[] } {
  const declarations: BicepDeclaration[] = [];
  const malformed: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!/^resource\b/.test(line)) continue;
    const m = DECLARATION.exec(line);
    if (!m) {
      malformed.push(line);
      continue;
    }
    declarations.push({ symbol: m[1], type: m[2], apiVersion: m[3], existing: !!m[4] });
  }
  return { declarations, malformed };
}

/** A value written as a Bicep literal. */
export function bicepLiteral(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

/**
 * Symbols the text uses as resources: `sym.id`, `sym.name`, `sym.identity`,
 * `sym.properties`, and `parent: sym`, `scope: sym`. Strings and comments
 * are skipped.
 */
export function bicepSymbolUses(text: string): string[] {
  const code = text
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
  const uses = new Set<string>();
  for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.(?:id|name|identity|properties)\b/g)) uses.add(m[1]);
  for (const m of code.matchAll(/^\s*(?:parent|scope):\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/gm)) uses.add(m[1]);
  return [...uses].sort();
}
