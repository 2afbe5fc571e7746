/**
 * Host names: read from endpoint URIs and connection strings (even when parts
 * of them are unknown), and checked as the bare FQDNs an egress allow list
 * takes.
 */
import type { Cloud } from '../clouds';
import { ALL_CLOUDS } from '../clouds';
import { Memo } from '../memo';
import { StringPart, stringParts, Value } from '../model/values';

/** The text of the parts up to the first hole, and whether the whole string is known. */
function knownPrefix(parts: StringPart[]): { text: string; complete: boolean } {
  let text = '';
  for (const p of parts) {
    if (p === null) return { text, complete: false };
    text += p;
  }
  return { text, complete: true };
}

/** The host of a URI (`sb://ns.servicebus.windows.net/`, `https://acct.blob.core.windows.net:443/x`), lower case. */
export function hostOfUri(v: Value | undefined): string | undefined {
  const { text, complete } = knownPrefix(stringParts(v));
  const m = /^\s*[a-z][a-z0-9+.-]*:\/\/([^/:?#\s]+)(?=[/:?#\s]|$)/i.exec(text);
  if (!m) return undefined;
  // The host is known only if it ends before the first unknown piece.
  if (!complete && m.index + m[0].length >= text.length) return undefined;
  return m[1].toLowerCase();
}

/**
 * The fields of a connection string (`Endpoint=sb://…/;SharedAccessKeyName=…`),
 * keys in lower case; a field whose value has an unknown piece maps to null.
 */
export function connectionStringFields(v: Value | undefined): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  const segments: StringPart[][] = [[]];
  for (const part of stringParts(v)) {
    if (part === null) {
      segments[segments.length - 1].push(null);
      continue;
    }
    const pieces = part.split(';');
    pieces.forEach((piece, i) => {
      if (i > 0) segments.push([]);
      segments[segments.length - 1].push(piece);
    });
  }
  for (const segment of segments) {
    const first = segment[0];
    if (typeof first !== 'string') continue;
    const eq = first.indexOf('=');
    if (eq <= 0) continue;
    const key = first.slice(0, eq).trim().toLowerCase();
    const known = segment.every((p) => p !== null);
    fields.set(key, known ? (segment as string[]).join('').slice(eq + 1).trim() : null);
  }
  return fields;
}

export interface ConnectionTarget {
  host: string;
  /** The scheme of the endpoint (`sb` for Event Hubs and Service Bus). */
  endpoint?: string;
  entityPath?: string;
}

/**
 * The host a connection string points to: `Endpoint=sb://HOST/`,
 * `BlobEndpoint=https://HOST/`, or `AccountName=` with `EndpointSuffix=`
 * (the cloud's storage suffix when absent).
 */
export function connectionStringTarget(v: Value | undefined, cloud: Cloud): ConnectionTarget | undefined {
  const fields = connectionStringFields(v);
  const entityPath = fields.get('entitypath') ?? undefined;
  const endpoint = fields.get('endpoint');
  if (endpoint) {
    const host = hostOfUri({ kind: 'string', value: endpoint });
    if (host) return { host, endpoint, entityPath };
  }
  const blob = fields.get('blobendpoint');
  if (blob) {
    const host = hostOfUri({ kind: 'string', value: blob });
    if (host) return { host };
  }
  const account = fields.get('accountname');
  if (account) {
    const suffix = fields.has('endpointsuffix') ? fields.get('endpointsuffix') : cloud.storage;
    if (suffix) return { host: `${account}.blob.${suffix}`.toLowerCase() };
  }
  return undefined;
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

/** Which kind of Azure service a host belongs to, by its DNS suffix in any cloud. */
const SERVICE_HOSTS = ALL_CLOUDS.flatMap((cloud) => [
  { service: 'storage' as const, pattern: new RegExp(`^([a-z0-9]+)\\.(?:blob|dfs)\\.${escape(cloud.storage)}$`) },
  { service: 'serviceBus' as const, pattern: new RegExp(`^([a-z0-9-]+)\\.${escape(cloud.serviceBus)}$`) },
  { service: 'cosmosDb' as const, pattern: new RegExp(`^([a-z0-9-]+)\\.${escape(cloud.cosmosDb)}$`) },
]);

export interface HostService {
  readonly service: 'storage' | 'serviceBus' | 'cosmosDb';
  readonly name: string;
}

const serviceByHost = new Memo<HostService | undefined>(50000);

function findService(host: string): HostService | undefined {
  const h = host.toLowerCase();
  for (const { service, pattern } of SERVICE_HOSTS) {
    const m = pattern.exec(h);
    if (m) return { service, name: m[1] };
  }
  return undefined;
}

/** Which service a host belongs to, remembered: several rules ask about the host of every endpoint. */
export function serviceOfHost(host: string): HostService | undefined {
  return serviceByHost.get(host, findService);
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
