/**
 * Model values read from Bicep: where each is written (its `Loc`), and, for
 * values written literally where they are used, an origin that the Bicep
 * writer can edit (the syntax node itself).
 */
import { Loc, ObjectEntry, ObjectValue, Origin, present, unknown, Value } from '../../model/values';
import type * as S from './syntax';

export const BICEP_WRITER = 'bicep';

export function locOf(doc: string, node: { offset: number; length: number }): Loc {
  return { doc, offset: node.offset, length: node.length };
}

export function originOf(doc: string, node: S.Node | TypeVersion): Origin {
  return { writer: BICEP_WRITER, doc, handle: node };
}

/**
 * The API version inside a resource's type string (`'Microsoft.X/y@2023-01-01'`):
 * Bicep writes no `apiVersion` property, so changing it means editing that string.
 */
export interface TypeVersion {
  kind: 'TypeVersion';
  type: S.StringLit;
}

/** The syntax node an origin of this front-end points at. */
export function originNode(origin: Origin | undefined): S.Node | TypeVersion | undefined {
  return origin?.writer === BICEP_WRITER ? (origin.handle as S.Node | TypeVersion) : undefined;
}

/**
 * An object built from spreads or computed keys. Keys compare
 * without regard to case, as Azure Resource Manager compares them. An object
 * that spreads a value the analysis does not know is `open`: any key it does
 * not hold may still be there, so asking for one gives unknown, not absent.
 */
export class BicepObject implements ObjectValue {
  readonly kind = 'object';
  private readonly index = new Map<string, ObjectEntry>();

  constructor(
    private readonly list: ObjectEntry[],
    readonly open: boolean,
    public loc?: Loc,
    public origin?: Origin,
  ) {
    // A later key wins, as in the deployed object.
    for (const entry of list) if (entry.key !== undefined) this.index.set(entry.key.toLowerCase(), entry);
  }

  get(key: string): Value | undefined {
    return present(this.raw(key));
  }

  raw(key: string): Value | undefined {
    const entry = this.index.get(key.toLowerCase());
    if (entry) return entry.value;
    return this.open ? unknown(this.loc) : undefined;
  }

  entries(): readonly ObjectEntry[] {
    return this.list;
  }

  keyLoc(key: string): Loc | undefined {
    return this.index.get(key.toLowerCase())?.keyLoc;
  }
}

/** The plain text of a string literal without interpolation, or undefined. */
export function literalText(node: S.Expr | undefined): string | undefined {
  return node?.kind === 'StringLit' && node.expressions.length === 0 ? node.segments[0] : undefined;
}

/** The key of an object property as written: an identifier, or a string without interpolation. */
export function propertyKey(property: S.ObjectProperty): string | undefined {
  return property.key.kind === 'Identifier' ? property.key.name : literalText(property.key);
}

/** A property of an object literal by key (the last one written, compared without regard to case). */
export function findProperty(object: S.ObjectExpr | undefined, key: string): S.ObjectProperty | undefined {
  if (!object) return undefined;
  const lower = key.toLowerCase();
  let found: S.ObjectProperty | undefined;
  for (const member of object.properties) {
    if (member.kind === 'ObjectProperty' && propertyKey(member)?.toLowerCase() === lower) found = member;
  }
  return found;
}
