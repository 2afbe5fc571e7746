/**
 * Resource ids, kept structured: the analysis needs to know that
 * `resourceId('Microsoft.Devices/IotHubs', parameters('hub'))`, the string
 * `/subscriptions/…/providers/Microsoft.Devices/IotHubs/contoso` and a hub
 * declared in the template are the same resource, even when parts are unknown.
 */
import { Memo } from '../memo';
import { fromParts, joinValues, Loc, mapPacked, pieceValue, sameValue, str, StringPart, stringParts, StringValue, unknown, UnknownValue, Value } from './values';

export interface ResourceRef {
  /** The full resource type, e.g. `Microsoft.Storage/storageAccounts/blobServices`. */
  type: string;
  /** One name per type segment after the namespace. */
  names: Value[];
  /** Undefined: the subscription of the deployment that refers to it. */
  subscription?: Value;
  /** Undefined: the resource group of the deployment that refers to it (for resource-group-level types). */
  resourceGroup?: Value;
  /** For an extension resource (a role assignment on a storage account), the resource it extends. */
  parent?: ResourceRef;
  /** An extension resource whose extended resource could not be read (`concat(parameters('id'), '/providers/…')`). */
  parentUnknown?: boolean;
  /** The id is at subscription level (`subscriptionResourceId`) or tenant level: no resource group. */
  level?: 'subscription' | 'tenant';
}

/** Splits `Microsoft.Storage/storageAccounts/blobServices` into namespace and type segments. */
export function typeSegments(type: string): string[] {
  return type.split('/').filter((s) => s.length > 0);
}

/** The number of name segments a full type takes (`Microsoft.X/a/b` takes two). */
// Remembered: a template spells a handful of types thousands of times.
const nameCounts = new Memo<number>(10000);

const countNames = (type: string) => Math.max(0, typeSegments(type).length - 1);

export function nameCount(type: string): number {
  return nameCounts.get(type, countNames);
}

export function sameType(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // Compared in place: types are ASCII, and this runs for every pair a rule looks at.
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const lower = x | 32;
    if (lower !== (y | 32) || lower < 97 || lower > 122) return false;
  }
  return true;
}

/** The resource a ref names one level up: storage account of a blob container, cluster of a database. */
export function ancestorRef(ref: ResourceRef, levels = 1): ResourceRef | undefined {
  const segments = typeSegments(ref.type);
  if (segments.length - levels < 2) return undefined;
  return {
    ...ref,
    type: segments.slice(0, segments.length - levels).join('/'),
    names: ref.names.slice(0, ref.names.length - levels),
  };
}

/** Splits a string made of pieces into `/`-separated segments, each known, unknown or partly known. */
function segmentsOfParts(parts: StringPart[]): Value[] {
  const segments: StringPart[][] = [[]];
  for (const part of parts) {
    if (part === null) {
      segments[segments.length - 1].push(null);
      continue;
    }
    const pieces = part.split('/');
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) segments.push([]);
      if (pieces[i] !== '') segments[segments.length - 1].push(pieces[i]);
    }
  }
  return mapPacked(segments, (pieces) => fromParts(pieces));
}

/**
 * Splits a string value into `/`-separated segments. Unknown pieces keep
 * their keys, so `format('{0}/conn', parameters('hub'))` names a child of the
 * hub named `parameters('hub')`.
 */
function segmentsOf(v: Value): Value[] {
  if (v.kind === 'string') return mapPacked(v.value.split('/'), (s) => str(s, v.loc));
  if (v.kind !== 'unknown') return [unknown(v.loc)];
  if (v.pieces) {
    const segments: Value[][] = [[]];
    for (const piece of v.pieces) {
      if (typeof piece !== 'string') {
        segments[segments.length - 1].push(pieceValue(piece));
        continue;
      }
      piece.split('/').forEach((text, i) => {
        if (i > 0) segments.push([]);
        if (text !== '') segments[segments.length - 1].push(str(text));
      });
    }
    return mapPacked(segments, (pieces) => (pieces.length === 1 ? { ...pieces[0], loc: v.loc } : joinValues(pieces, v.loc)));
  }
  if (v.parts) return mapPacked(segmentsOfParts(v.parts), (s) => ({ ...s, loc: v.loc }));
  // A whole unknown (one parameter) is one segment: the same parameter names the same thing.
  return [v];
}

const lower = (v: Value | undefined): string | undefined => (v && v.kind === 'string' ? v.value.toLowerCase() : undefined);

/**
 * Parses a resource id: absolute (`/subscriptions/…/resourceGroups/…/providers/…`),
 * subscription- or tenant-level, relative (`Microsoft.Storage/storageAccounts/name`,
 * as the `scope` property of extension resources takes it), with extension
 * resources (`…/providers/Microsoft.Authorization/roleAssignments/x`) and with
 * unknown pieces. Undefined when it is not a resource id or its types are unknown.
 */
export function parseResourceId(id: Value | StringPart[]): ResourceRef | undefined {
  let segments = Array.isArray(id) ? segmentsOfParts(id) : segmentsOf(id);
  // Empty segments come from the leading slash and from doubled slashes.
  segments = segments.filter((s) => !(s.kind === 'string' && s.value === ''));
  let i = 0;
  let subscription: Value | undefined;
  let resourceGroup: Value | undefined;
  let level: ResourceRef['level'];
  let unknownParent = false;

  if (lower(segments[0]) === 'subscriptions' && segments.length >= 2) {
    subscription = segments[1];
    i = 2;
    if (lower(segments[2]) === 'resourcegroups' && segments.length >= 4) {
      resourceGroup = segments[3];
      i = 4;
    } else {
      level = 'subscription';
    }
  } else if (lower(segments[0]) === 'providers') {
    level = 'tenant';
  } else if (segments[0] && segments[0].kind !== 'string') {
    // An unknown prefix (a whole id from a parameter) can still be followed by an extension: `<id>/providers/…`.
    const providers = segments.findIndex((s) => lower(s) === 'providers');
    if (providers < 0) return undefined;
    i = providers;
    unknownParent = true;
  } else if (lower(segments[0])?.includes('.') && segments.length >= 3) {
    // Relative form: `Namespace/type/name/…`.
    const ref = readProviderPart(segments, 0);
    return ref && ref.end === segments.length ? { type: ref.type, names: ref.names } : undefined;
  }

  let last: ResourceRef | undefined;
  while (i < segments.length) {
    if (lower(segments[i]) !== 'providers') return undefined;
    const read = readProviderPart(segments, i + 1);
    if (!read) return undefined;
    // Each further `providers` part extends the resource before it; after an unknown prefix, the extended resource is unknown.
    const ref: ResourceRef = { type: read.type, names: read.names, subscription, resourceGroup, level };
    if (last) ref.parent = last;
    else if (unknownParent) ref.parentUnknown = true;
    last = ref;
    i = read.end;
  }
  return last;
}

/** Reads `Namespace/type/name[/type/name…]` from segment `at` until the next `providers` or the end. */
function readProviderPart(segments: Value[], at: number): { type: string; names: Value[]; end: number } | undefined {
  const namespace = segments[at];
  if (!namespace || namespace.kind !== 'string' || !namespace.value.includes('.')) return undefined;
  const types = [namespace.value];
  const names: Value[] = [];
  let i = at + 1;
  while (i + 1 < segments.length && lower(segments[i]) !== 'providers') {
    const type = segments[i];
    if (type.kind !== 'string') return undefined;
    types.push(type.value);
    names.push(segments[i + 1]);
    i += 2;
  }
  if (names.length === 0) return undefined;
  // A dangling type segment without a name is not an id.
  if (i < segments.length && lower(segments[i]) !== 'providers') return undefined;
  return { type: types.join('/'), names, end: i };
}

/** The id as a string made of known and unknown pieces (what `resourceId()` returns at deployment). */
export function formatResourceId(ref: ResourceRef): StringPart[] {
  return stringParts(resourceIdValue(ref));
}

/**
 * The id as a string value: its unknown pieces keep their keys, so that the id of a resource named with
 * `uniqueString()` is the same string wherever it is built (a `guid()` of it, a `concat()` with it).
 */
export function resourceIdValue(ref: ResourceRef, loc?: Loc): StringValue | UnknownValue {
  const pieces: Value[] = [];
  idPieces(ref, pieces);
  return joinValues(pieces, loc);
}

function idPieces(ref: ResourceRef, out: Value[]): void {
  if (ref.parent) {
    idPieces(ref.parent, out);
  } else if (ref.level !== 'tenant') {
    out.push(str('/subscriptions/'), ref.subscription ?? unknown());
    if (ref.level !== 'subscription') out.push(str('/resourceGroups/'), ref.resourceGroup ?? unknown());
  }
  const segments = typeSegments(ref.type);
  out.push(str('/providers/' + segments[0]));
  for (let i = 1; i < segments.length; i++) out.push(str('/' + segments[i] + '/'), ref.names[i - 1] ?? unknown());
}

/** The last name of a ref (a role definition's GUID, a storage account's name). */
export function lastName(ref: ResourceRef): Value | undefined {
  return ref.names[ref.names.length - 1];
}

/** Splits a full resource name `a/b/c` into its segments, keeping unknown pieces. */
export function splitName(name: Value): Value[] {
  return segmentsOf(name);
}

/**
 * Whether two refs name the same resource: same type, same names, and no
 * known difference of subscription or resource group. Unknown names never match.
 */
export function sameResource(a: ResourceRef, b: ResourceRef): boolean {
  if (!sameType(a.type, b.type) || a.names.length !== b.names.length) return false;
  for (let i = 0; i < a.names.length; i++) if (sameValue(a.names[i], b.names[i]) !== true) return false;
  if (a.resourceGroup && b.resourceGroup && sameValue(a.resourceGroup, b.resourceGroup) === false) return false;
  if (a.subscription && b.subscription && sameValue(a.subscription, b.subscription) === false) return false;
  return true;
}
