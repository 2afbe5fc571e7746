/** Azure Data Explorer callout policies, after the cluster's ARM schema and the callout policy documentation. */

export const CALLOUT_TYPES: readonly string[] = [
  'azure_digital_twins',
  'azure_openai',
  'cosmosdb',
  'external_data',
  'genevametrics',
  'kusto',
  'mysql',
  'postgresql',
  'sandbox_artifacts',
  'sql',
  'webapi',
];

/**
 * The cluster's policies use .NET regular expressions; JavaScript reads most
 * of them alike. The .NET-only forms are rewritten before checking: inline
 * options (`(?i)`, `(?-i)`, `(?n)`, anywhere) become flags, scoped options
 * (`(?i:…)`) and atomic groups (`(?>…)`) plain groups, `(?'name'…)` a named
 * group, `\A` and `\Z` anchors.
 */
function toJavaScript(pattern: string): { source: string; flags: string } {
  const flags = new Set<string>();
  const take = (on: string) => {
    for (const c of on) if (c === 'i' || c === 's' || c === 'm') flags.add(c);
  };
  const source = pattern
    .replace(/\(\?([imnsx]*)(?:-([imnsx]*))?\)/g, (_m, on: string) => {
      take(on);
      return '';
    })
    .replace(/\(\?([imnsx]*)(?:-([imnsx]*))?:/g, (m, on: string, off: string | undefined) => {
      if (!on && !off) return m;
      take(on);
      return '(?:';
    })
    .replace(/\(\?'([A-Za-z_]\w*)'/g, '(?<$1>')
    .replace(/\(\?>/g, '(?:')
    // An anchor, not an escaped backslash followed by a letter: only after an even run of backslashes.
    .replace(/(?<!\\)((?:\\\\)*)\\A/g, '$1^')
    .replace(/(?<!\\)((?:\\\\)*)\\[Zz]/g, '$1$$');
  return { source, flags: [...flags].join('') };
}

/** A compiled pattern, or undefined when it is not a regular expression. `*` alone is accepted: the service reads it as "any". */
export function compileCalloutPattern(pattern: string): RegExp | undefined {
  if (pattern.trim() === '*') return /[^]*/;
  try {
    const { source, flags } = toJavaScript(pattern);
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** Unrelated web addresses: a pattern that allows all of them allows any web call out. */
const PROBES = ['https://attacker.example.org/exfiltrate', 'https://198.51.100.7/', 'https://zz9.test/'];

/** Whether a pattern allows any URI (`*`, `.*`, `.+`, `^.*$`, `https?://.*` …). */
export function matchesAnything(pattern: string): boolean {
  const regex = compileCalloutPattern(pattern);
  return !!regex && PROBES.every((probe) => regex.test(probe));
}
