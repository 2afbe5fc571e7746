/**
 * Lower case, remembered. Property keys and resource types are compared
 * without regard to case, as Azure Resource Manager does, and a template
 * spells the same few of them thousands of times.
 */
const lowered = new Map<string, string>();

export function lowerCase(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    // A bound, so that a stream of distinct strings cannot grow the memory without end.
    if (lowered.size > 50000) lowered.clear();
    lowered.set(text, lower);
  }
  return lower;
}
