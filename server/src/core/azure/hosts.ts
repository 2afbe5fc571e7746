/**
 * Host names: read from endpoint URIs and connection strings (even when parts
 * of them are unknown), and checked as the bare FQDNs an egress allow list
 * takes.
 */
import type { Cloud } from '../clouds';
import { ALL_CLOUDS } from '../clouds';
import { Memo } from '../memo';
import { joinValues, Piece, pieceValue, piecesNameKey, piecesOf, stringParts, Value } from '../model/values';

/**
 * A host name as far as the analysis knows it: its text, or known text around unknown pieces known by their keys
 * (`st<uniqueString(resourceGroup().id)>.blob.core.windows.net`). The same expression makes the same host: a
 * storage account named with it is the one the host names, and an allow-list entry built with it lists it.
 */
export interface HostName {
  /** Known text in lower case and unknown pieces by their keys, adjacent texts joined; no piece is null. */
  readonly pieces: readonly Piece[];
  /** The same for the same host, compared as host names are, without regard to case (see `nameKey`). */
  readonly key: string;
  /** The whole host, when it is known text. */
  readonly text: string | undefined;
}

/** A host made of these pieces; undefined when one is unknown without a key, or when there is none. */
function hostName(pieces: readonly Piece[]): HostName | undefined {
  const merged: Piece[] = [];
  for (const p of pieces) {
    if (p === null) return undefined;
    if (typeof p !== 'string') merged.push(p);
    else if (p === '') continue;
    else if (typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += p.toLowerCase();
    else merged.push(p.toLowerCase());
  }
  if (merged.length === 0) return undefined;
  const text = merged.length === 1 && typeof merged[0] === 'string' ? merged[0] : undefined;
  return { pieces: merged, key: piecesNameKey(merged)!, text };
}

/** A host known as text. */
export function knownHost(text: string): HostName | undefined {
  return hostName([text.trim()]);
}

/** The pieces of a string an address is read from: with the keys of its unknown pieces where it has them, else its known parts. */
function addressPieces(v: Value | undefined): readonly Piece[] {
  return v?.kind === 'unknown' && v.pieces ? v.pieces : stringParts(v);
}

/** The first and last text of pieces without surrounding white space. */
function trimmed(pieces: readonly Piece[]): Piece[] {
  const out = [...pieces];
  const last = out.length - 1;
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd();
  return out;
}

const SCHEME = /^\s*[a-z][a-z0-9+.-]*:\/\//i;
const HOST_END = /[/:?#\s]/;

/**
 * The host after the scheme of a URI made of pieces. It ends where its text does (`/`, `:`, `?`, `#`) or with the
 * string; an unknown piece inside it is taken to be a piece of the host (the names such pieces stand for hold no
 * `/` or `:`), but one that ends the string may hold a port or a path, so the host is not known then.
 */
function hostAfterScheme(pieces: readonly Piece[]): HostName | undefined {
  const first = pieces[0];
  if (typeof first !== 'string') return undefined;
  const scheme = SCHEME.exec(first);
  if (!scheme) return undefined;
  const host: Piece[] = [];
  let text = first.slice(scheme[0].length);
  let i = 0;
  for (;;) {
    const end = text.search(HOST_END);
    if (end >= 0) {
      host.push(text.slice(0, end));
      return hostName(host);
    }
    host.push(text);
    for (i++; i < pieces.length && typeof pieces[i] !== 'string'; i++) {
      if (pieces[i] === null) return undefined;
      host.push(pieces[i]);
    }
    if (i === pieces.length) return typeof pieces[i - 1] === 'string' ? hostName(host) : undefined;
    text = pieces[i] as string;
  }
}

/** The host of a URI (`sb://ns.servicebus.windows.net/`, `https://acct.blob.core.windows.net:443/x`), keyed pieces kept. */
export function hostNameOfUri(v: Value | undefined): HostName | undefined {
  return hostAfterScheme(addressPieces(v));
}

/** The host of a URI, lower case, when it is known text. */
export function hostOfUri(v: Value | undefined): string | undefined {
  return hostNameOfUri(v)?.text;
}

/**
 * The fields of a connection string (`Endpoint=sb://…/;SharedAccessKeyName=…`), keys in lower case, each value as
 * its pieces (unknown ones by their keys, or null).
 */
function connectionStringFields(v: Value | undefined): Map<string, Piece[]> {
  const fields = new Map<string, Piece[]>();
  const segments: Piece[][] = [[]];
  for (const piece of addressPieces(v)) {
    if (typeof piece !== 'string') {
      segments[segments.length - 1].push(piece);
      continue;
    }
    piece.split(';').forEach((text, i) => {
      if (i > 0) segments.push([]);
      segments[segments.length - 1].push(text);
    });
  }
  for (const [first, ...rest] of segments) {
    if (typeof first !== 'string') continue;
    const eq = first.indexOf('=');
    if (eq <= 0) continue;
    fields.set(first.slice(0, eq).trim().toLowerCase(), trimmed([first.slice(eq + 1), ...rest]));
  }
  return fields;
}

export interface ConnectionTarget {
  host: HostName;
  entityPath?: string;
}

/**
 * The host a connection string points to: `Endpoint=sb://HOST/`,
 * `BlobEndpoint=https://HOST/`, or `AccountName=` with `EndpointSuffix=`
 * (the cloud's storage suffix when absent).
 */
export function connectionStringTarget(v: Value | undefined, cloud: Cloud): ConnectionTarget | undefined {
  const fields = connectionStringFields(v);
  const entity = fields.get('entitypath');
  const entityPath = entity?.length === 1 && typeof entity[0] === 'string' ? entity[0] : undefined;
  const endpoint = fields.get('endpoint');
  const endpointHost = endpoint && hostAfterScheme(endpoint);
  if (endpointHost) return { host: endpointHost, entityPath };
  const blob = fields.get('blobendpoint');
  const blobHost = blob && hostAfterScheme(blob);
  if (blobHost) return { host: blobHost };
  const account = fields.get('accountname');
  if (account) {
    const host = hostName([...account, '.blob.', ...(fields.get('endpointsuffix') ?? [cloud.storage])]);
    if (host) return { host };
  }
  return undefined;
}

/** An allow-list entry as the hub compares it: trimmed, in lower case; undefined when a piece of it is unknown without a key. */
export function entryHostName(entry: Value): HostName | undefined {
  return hostName(trimmed(piecesOf(entry)));
}

/**
 * Whether two hosts may be the same: the same expression makes the same host, and one whose known text cannot
 * be the other's is not it (`www.bing.com` is not `st<uniqueString(…)>.blob.core.windows.net`).
 */
export function mayBeSameHost(a: HostName, b: HostName): boolean {
  if (a.key === b.key) return true;
  if (a.text !== undefined && b.text !== undefined) return false;
  if (a.text !== undefined) return patternOf(b).test(a.text);
  if (b.text !== undefined) return patternOf(a).test(b.text);
  // Both have unknown pieces: what they begin and end with must agree.
  const start = (h: HostName) => (typeof h.pieces[0] === 'string' ? h.pieces[0] : '');
  const end = (h: HostName) => (typeof h.pieces[h.pieces.length - 1] === 'string' ? (h.pieces[h.pieces.length - 1] as string) : '');
  const [sa, sb, ea, eb] = [start(a), start(b), end(a), end(b)];
  return (sa.startsWith(sb) || sb.startsWith(sa)) && (ea.endsWith(eb) || eb.endsWith(ea));
}

/** The texts a host with unknown pieces may be. */
function patternOf(host: HostName): RegExp {
  return new RegExp(`^${host.pieces.map((p) => (typeof p === 'string' ? escape(p) : '.*')).join('')}$`);
}

/** A host for messages: its unknown pieces as `…`. */
export function displayHost(host: HostName): string {
  return host.pieces.map((p) => (typeof p === 'string' ? p : '…')).join('');
}

/**
 * The host name of the hub's built-in Event Hub-compatible endpoint, by its
 * documented shape. In the public cloud (the default) every cloud's suffix
 * counts, as a template may target any; a sovereign cloud selected takes only its own.
 */
export function isBuiltInEndpointShape(host: string, cloud: Cloud): boolean {
  const m = /^iothub-ns-[a-z0-9-]+\.(servicebus\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net))$/i.exec(host.trim());
  return !!m && (cloud.name === 'AzureCloud' || m[1].toLowerCase() === cloud.serviceBus);
}

/**
 * Whether an allow-list entry that is not wholly known may still be the
 * built-in endpoint's host (the exact one, when it is known): its known first
 * and last pieces must fit `iothub-ns-….<Service Bus suffix>`. An entry
 * built as `<account>.blob.core.windows.net` cannot be it, whatever the account.
 */
export function mayBeBuiltInEndpoint(entry: Value, cloud: Cloud, exact?: string): boolean {
  const parts = stringParts(entry);
  if (parts.length < 2) return parts[0] === null || (exact ? parts[0].trim().toLowerCase() === exact : isBuiltInEndpointShape(parts[0], cloud));
  const first = parts[0]?.trimStart().toLowerCase();
  const last = parts[parts.length - 1]?.trimEnd().toLowerCase();
  const starts = exact ? [exact] : ['iothub-ns-'];
  const ends = exact ? [exact] : (cloud.name === 'AzureCloud' ? ALL_CLOUDS : [cloud]).map((c) => `.${c.serviceBus}`);
  const fitsStart = first === undefined || starts.some((s) => first.startsWith(s) || s.startsWith(first));
  const fitsEnd = last === undefined || ends.some((e) => last.endsWith(e) || e.endsWith(last));
  return fitsStart && fitsEnd;
}

/** Which kind of Azure service a host belongs to, by its DNS suffix in any cloud; the characters a name of it may have. */
const SERVICE_HOSTS = ALL_CLOUDS.flatMap((cloud) => [
  { service: 'storage' as const, name: /^[a-z0-9]*$/, suffix: new RegExp(`\\.(?:blob|dfs)\\.${escape(cloud.storage)}$`) },
  { service: 'serviceBus' as const, name: /^[a-z0-9-]*$/, suffix: new RegExp(`\\.${escape(cloud.serviceBus)}$`) },
  { service: 'cosmosDb' as const, name: /^[a-z0-9-]*$/, suffix: new RegExp(`\\.${escape(cloud.cosmosDb)}$`) },
]);

export interface HostService {
  readonly service: 'storage' | 'serviceBus' | 'cosmosDb';
  /** The name of the storage account, namespace or account: known text, or made of the host's keyed pieces. */
  readonly name: Value;
}

const serviceByHost = new Memo<HostService | undefined>(50000);

/** The service a host's suffix names, and the name before it. */
function findService(pieces: readonly Piece[]): HostService | undefined {
  const last = pieces[pieces.length - 1];
  if (typeof last !== 'string') return undefined;
  for (const { service, name, suffix } of SERVICE_HOSTS) {
    const m = suffix.exec(last);
    if (!m) continue;
    const namePieces = [...pieces.slice(0, -1), last.slice(0, m.index)];
    if (namePieces.some((p) => typeof p === 'string' && !name.test(p))) continue;
    const value = joinValues(namePieces.map(pieceValue));
    if (value.kind !== 'string' || value.value !== '') return { service, name: value };
  }
  return undefined;
}

/** Which service a host belongs to, remembered: several rules ask about the host of every endpoint. */
export function serviceOfHost(host: string): HostService | undefined {
  return serviceByHost.get(host, (h) => findService([h.toLowerCase()]));
}

/** Which service a host belongs to; for a host with keyed pieces, the name is made of them (`st<uniqueString(…)>`). */
export function serviceOfHostName(host: HostName): HostService | undefined {
  return host.text !== undefined ? serviceOfHost(host.text) : findService(host.pieces);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type EntryProblem = 'scheme' | 'path' | 'port' | 'whitespace' | 'wildcard' | 'ip' | 'invalid';

const FQDN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;

/** What makes an allow list entry something other than a bare FQDN, and the bare host when it can be told. */
export function checkAllowListEntry(entry: string): { problems: EntryProblem[]; bareHost?: string } {
  const problems: EntryProblem[] = [];
  // An IPv4 address (or range) also reads as a host name of digits: tell it first.
  if (IPV4.test(entry.trim())) return { problems: /\s/.test(entry) ? ['whitespace', 'ip'] : ['ip'] };
  if (FQDN.test(entry)) return { problems };
  let rest = entry;
  if (/\s/.test(rest)) {
    problems.push('whitespace');
    rest = rest.replace(/\s+/g, '');
  }
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(rest);
  if (scheme) {
    problems.push('scheme');
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.search(/[/?#]/);
  if (slash >= 0) {
    problems.push('path');
    rest = rest.slice(0, slash);
  }
  // A bracketed or colon-rich entry is an IPv6 address, not a host with a port.
  if (rest.startsWith('[') || (rest.match(/:/g) ?? []).length > 1) {
    problems.push('ip');
    return { problems };
  }
  const port = /:(\d*)$/.exec(rest);
  if (port) {
    problems.push('port');
    rest = rest.slice(0, port.index);
  }
  if (rest.includes('*')) problems.push('wildcard');
  if (IPV4.test(rest)) problems.push('ip');
  if (problems.includes('wildcard') || problems.includes('ip')) return { problems };
  if (FQDN.test(rest)) return { problems, bareHost: rest };
  if (problems.length === 0) problems.push('invalid');
  return { problems };
}
