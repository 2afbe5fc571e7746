/** Findings that contradict each other: one says a fact holds of a place, another that it does not. */
import type { Finding } from '../../server/src/core/findings';

export function contradictions(findings: readonly Finding[]): string[] {
  const said = new Map<string, Map<boolean, Finding>>();
  for (const finding of findings) {
    for (const claim of finding.claims ?? []) {
      let sides = said.get(claim.about);
      if (!sides) said.set(claim.about, (sides = new Map()));
      if (!sides.has(claim.holds)) sides.set(claim.holds, finding);
    }
  }
  const out: string[] = [];
  for (const [about, sides] of said) {
    const yes = sides.get(true);
    const no = sides.get(false);
    if (yes && no) out.push(`${about}: ${yes.ruleId} says it holds ("${yes.message}"), ${no.ruleId} that it does not ("${no.message}")`);
  }
  return out;
}
