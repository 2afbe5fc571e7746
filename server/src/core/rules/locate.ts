/** Where rules put their findings. */
import type { Resource } from '../model/resource';
import type { Loc, ObjectValue } from '../model/values';
import type { RuleContext } from './rule';

/**
 * The place for a finding about a property: its value when that fits on one
 * line, else its key (an array or object may span many lines).
 */
export function propertyLoc(ctx: RuleContext, object: ObjectValue | undefined, key: string, fallback: Resource): Loc {
  const value = object?.get(key);
  if (value?.loc && !ctx.spansLines(value.loc)) return value.loc;
  return object?.keyLoc(key) ?? value?.loc ?? object?.loc ?? fallback.nameLoc;
}
