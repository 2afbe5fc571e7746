/**
 * Copies of lazily read objects and lists (a template's values on its parse
 * tape, a Bicep object literal) made to report them at another place or to
 * mark them as depending on an input (`withLoc`, `withInput`): each copy
 * reads through the value it copies, which keeps what it has read.
 *
 * A copy made with Object.create would do the same, but it makes the copied
 * value a prototype, and V8 gives every prototype a hidden class of its own:
 * once the items of a loop's list are copied at each read, the code that
 * reads values sees a thousand classes and slows down for every value.
 */
import type { ArrayValue, Loc, ObjectEntry, ObjectValue, Origin, Value } from './values';

abstract class Copy<T extends ObjectValue | ArrayValue> {
  constructor(
    readonly of: T,
    readonly loc: Loc | undefined,
    readonly input: boolean | undefined,
  ) {}

  get origin(): Origin | undefined {
    return this.of.origin;
  }
}

class CopiedObject extends Copy<ObjectValue> implements ObjectValue {
  readonly kind = 'object';

  get(key: string): Value | undefined {
    return this.of.get(key);
  }

  raw(key: string): Value | undefined {
    return this.of.raw(key);
  }

  entries(): readonly ObjectEntry[] {
    return this.of.entries();
  }

  keyLoc(key: string): Loc | undefined {
    return this.of.keyLoc(key);
  }
}

class CopiedArray extends Copy<ArrayValue> implements ArrayValue {
  readonly kind = 'array';

  get items(): readonly Value[] {
    return this.of.items;
  }
}

/** The same object or list at `loc`, an input or not; undefined for other kinds of values. */
export function copyOf(v: Value, loc: Loc | undefined, input: boolean | undefined): Value | undefined {
  if (v.kind === 'object') return new CopiedObject(v instanceof CopiedObject ? v.of : v, loc, input);
  if (v.kind === 'array') return new CopiedArray(v instanceof CopiedArray ? v.of : v, loc, input);
  return undefined;
}
