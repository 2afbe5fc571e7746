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
 * of them alike. The few .NET-only forms are rewritten before checking.
 */
function toJavaScript(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1].includes('i')) flags += 'i';
    if (inline[1].includes('s')) flags += 's';
    if (inline[1].includes('m')) flags += 'm';
  }
  source = source.replace(/\\A/g, '^').replace(/\\[Zz]/g, '$').replace(/\(\?>/g, '(?:');
  return { source, flags };
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

/** Addresses no narrow policy should allow together. */
const PROBES = ['https://attacker.example.org/exfiltrate', 'sb://someone-else.servicebus.windows.net', 'x', ''];

/** Whether a pattern allows any URI (`*`, `.*`, `.+`, `^.*$` …). */
export function matchesAnything(pattern: string): boolean {
  const regex = compileCalloutPattern(pattern);
  if (!regex) return false;
  return PROBES.slice(0, 3).every((probe) => regex.test(probe));
}
