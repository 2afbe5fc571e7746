/**
 * Registry modules (`br:`, `br/<alias>:`, `ts:`, `ts/<alias>:`) as `bicep restore` leaves them on disk: the
 * compiled template of each in Bicep's module cache, at the place Bicep itself reads it from, with the aliases
 * and the cache folder of the bicepconfig.json nearest the Bicep file (merged over Bicep's built-in
 * configuration, through the files it `extends`).
 *
 * The layout, as Bicep.Core writes it (BicepRegistryArtifact, TemplateSpecModuleArtifact, TagEncoder):
 *
 *   <cache>/br/<registry, `:` as `$`, lower case>/<repository, `/` as `$`>/<tag, `$`, mask of its capitals | digest, `:` as `#`>/main.json
 *   <cache>/ts/<subscription>/<resource group>/<template spec>/<version>/main.json   (all in lower case)
 *
 * beside a manifest, metadata and a lock file; a template spec's main.json is the template spec version
 * resource, with the template as `properties.mainTemplate`.
 */
import { BicepCacheHost, Host, joinPath } from '../../host';
import { parseJson } from '../../json/parser';
import type { JsonNode } from '../../json/tree';

export const BICEP_CONFIG_FILE_NAME = 'bicepconfig.json';

/** What a module declaration's path names: a file beside the Bicep file, or a module of a registry. */
export type ModuleReference =
  | { kind: 'local'; path: string }
  | { kind: 'registry'; scheme: 'br' | 'ts'; alias: string | undefined; rest: string }
  | { kind: 'unknown-scheme'; scheme: string };

/** Reads a reference as Bicep does: a path without a colon is a file; otherwise a scheme, maybe `/alias`, before the first colon. */
export function parseModuleReference(reference: string): ModuleReference {
  const colon = reference.indexOf(':');
  if (colon < 0) return { kind: 'local', path: reference };
  const head = reference.slice(0, colon);
  const slash = head.indexOf('/');
  const scheme = slash < 0 ? head : head.slice(0, slash);
  const alias = slash < 0 ? undefined : head.slice(slash + 1);
  const rest = reference.slice(colon + 1);
  return scheme === 'br' || scheme === 'ts' ? { kind: 'registry', scheme, alias, rest } : { kind: 'unknown-scheme', scheme };
}

/** The parts of bicepconfig.json that say where registry modules are. */
export interface BicepConfig {
  /** `cacheRootDirectory` as written. */
  cacheRootDirectory?: string;
  /** `moduleAliases.br`, by alias. */
  br: Map<string, { registry?: string; modulePath?: string }>;
  /** `moduleAliases.ts`, by alias. */
  ts: Map<string, { subscription?: string; resourceGroup?: string }>;
}

/** Bicep's built-in configuration: `br/public:` is the public registry's `bicep/` path. */
export function builtInBicepConfig(): BicepConfig {
  return { br: new Map([['public', { registry: 'mcr.microsoft.com', modulePath: 'bicep' }]]), ts: new Map() };
}

/** Bicep stops following `extends` after this many files. */
const MAX_CONFIG_CHAIN = 64;
/** Folders walked up from a Bicep file looking for its bicepconfig.json. */
const MAX_CONFIG_DEPTH = 128;

/**
 * The configuration that applies to a Bicep file: the nearest bicepconfig.json in its folder or above, and the
 * files it extends, over the built-in one. As for Bicep, a file that cannot be read or parsed leaves the
 * built-in configuration; nothing here throws.
 */
export function readBicepConfig(docId: string, host: Host): BicepConfig {
  const config = builtInBicepConfig();
  const leaf = nearestBicepConfig(docId, host);
  if (!leaf) return config;
  const layers = configChain(leaf.id, leaf.text, host);
  // The base first, the nearest file last: each sets what it writes over what is below it.
  for (const layer of (layers ?? []).reverse()) mergeLayer(config, layer);
  return config;
}

function nearestBicepConfig(docId: string, host: Host): { id: string; text: string } | undefined {
  let candidate = host.resolve(docId, BICEP_CONFIG_FILE_NAME);
  for (let i = 0; i < MAX_CONFIG_DEPTH; i++) {
    const text = host.readFile(candidate);
    if (text !== undefined) return { id: candidate, text };
    const parent = host.resolve(candidate, `../${BICEP_CONFIG_FILE_NAME}`);
    if (parent === candidate) break;
    candidate = parent;
  }
  return undefined;
}

/** The configuration files, nearest first, each as its JSON object; undefined when one of them cannot be used. */
function configChain(id: string, text: string, host: Host): JsonNode[] | undefined {
  const layers: JsonNode[] = [];
  const visited = new Set<string>();
  for (;;) {
    const json = parseJson(text);
    if (json.errors.length || json.root?.type !== 'object') return undefined;
    layers.push(json.root);
    visited.add(id);
    const extendsValue = member(json.root, 'extends');
    if (extendsValue?.type !== 'string' || !(extendsValue.value as string).trim()) return layers;
    const extendsPath = extendsValue.value as string;
    // Bicep takes only a path relative to the file that extends.
    if (isAbsolutePath(extendsPath) || layers.length >= MAX_CONFIG_CHAIN) return undefined;
    id = host.resolve(id, extendsPath);
    const next = visited.has(id) ? undefined : host.readFile(id);
    if (next === undefined) return undefined;
    text = next;
  }
}

/** A property as Bicep binds it: by its exact name. */
function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.properties!) if (p.key === key) return p.value;
  return undefined;
}

function stringMember(node: JsonNode | undefined, key: string): string | undefined {
  const value = member(node, key);
  return value?.type === 'string' ? (value.value as string) : undefined;
}

/** One file over what is below it, as Bicep merges them: objects key by key, anything else replaced, null leaves what was there. */
function mergeLayer(config: BicepConfig, layer: JsonNode): void {
  const cacheRoot = stringMember(layer, 'cacheRootDirectory');
  if (cacheRoot !== undefined) config.cacheRootDirectory = cacheRoot;
  const aliases = member(layer, 'moduleAliases');
  mergeAliases(config.br, member(aliases, 'br'), ['registry', 'modulePath']);
  mergeAliases(config.ts, member(aliases, 'ts'), ['subscription', 'resourceGroup']);
}

/** The aliases of one scheme, each a few strings: what a file writes of an alias replaces what was there, the rest stays. */
function mergeAliases<K extends string>(into: Map<string, Partial<Record<K, string>>>, aliases: JsonNode | undefined, keys: readonly K[]): void {
  for (const p of aliases?.properties ?? []) {
    if (p.value?.type !== 'object') continue;
    const alias: Partial<Record<K, string>> = into.get(p.key) ?? {};
    for (const key of keys) alias[key] = stringMember(p.value, key) ?? alias[key];
    into.set(p.key, alias);
  }
}

function isAbsolutePath(path: string): boolean {
  return /^([a-z]:)?[\\/]/i.test(path);
}

/** Where a registry module is in the cache, as an id to read it by, or why that cannot be said. */
export type CachedModule = { id: string; path: string; templateSpec: boolean } | { problem: string };

export function cachedModule(reference: string, parsed: ModuleReference & { kind: 'registry' }, config: BicepConfig, cache: BicepCacheHost): CachedModule {
  const relative = parsed.scheme === 'br' ? ociCachePath(reference, parsed, config) : templateSpecCachePath(reference, parsed, config);
  if ('problem' in relative) return relative;
  const root = cacheRoot(config, cache);
  if ('problem' in root) return root;
  const path = joinPath(root.path, relative.path);
  return { id: cache.fileId(path), path, templateSpec: parsed.scheme === 'ts' };
}

/** The cache's folder: bicepconfig.json's `cacheRootDirectory` (an absolute path, `~` standing for the home folder), or the default. */
function cacheRoot(config: BicepConfig, cache: BicepCacheHost): { path: string } | { problem: string } {
  const configured = config.cacheRootDirectory;
  if (!configured || !configured.trim()) return { path: cache.root };
  let path = configured;
  if (path === '~') path = cache.home;
  else if (path.startsWith('~/') || path.startsWith('~\\')) path = cache.home + path.slice(1);
  if (!isAbsolutePath(path)) return { problem: `the cacheRootDirectory of bicepconfig.json, '${configured}', is not an absolute path` };
  return { path };
}

const OCI_SEGMENT = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
const OCI_TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const OCI_DIGEST = /^sha256:[a-f0-9]{64}$/;
/** A host name or IPv4 address, or an IPv6 one in brackets, with a port or not. */
const OCI_REGISTRY = /^((?=[^:]*[a-z0-9])[a-z0-9._-]+|\[[0-9a-f:.]+\])(:[0-9]+)?$/i;

/** `br:registry/path/name:tag`, `br:…@sha256:…`, `br/alias:path/name:tag` (the alias gives the registry and a path before). */
function ociCachePath(reference: string, parsed: ModuleReference & { kind: 'registry' }, config: BicepConfig): { path: string } | { problem: string } {
  let unqualified = parsed.rest;
  if (parsed.alias !== undefined) {
    const alias = config.br.get(parsed.alias);
    if (!alias) return { problem: `no bicepconfig.json defines the module alias '${parsed.alias}' (moduleAliases.br)` };
    if (!alias.registry) return { problem: `the module alias '${parsed.alias}' of bicepconfig.json has no registry` };
    unqualified = alias.modulePath ? `${alias.registry}/${alias.modulePath}/${unqualified}` : `${alias.registry}/${unqualified}`;
  }
  const invalid = { problem: `'${reference}' is not a registry module reference Bicep accepts` };
  const segments = unqualified.split('/');
  const registry = segments.shift()!;
  const last = segments.pop();
  if (!OCI_REGISTRY.test(registry) || last === undefined || !segments.every((s) => OCI_SEGMENT.test(s))) return invalid;
  const delimiter = last.search(/[:@]/);
  const name = delimiter < 0 ? last : last.slice(0, delimiter);
  const version = delimiter < 0 ? '' : last.slice(delimiter + 1);
  if (!OCI_SEGMENT.test(name)) return invalid;
  const repository = [...segments, name].join('$');
  let folder: string;
  if (last[delimiter] === ':' && OCI_TAG.test(version)) folder = encodeTag(version);
  else if (last[delimiter] === '@' && OCI_DIGEST.test(version)) folder = version.replace(':', '#');
  else return invalid;
  return { path: `br/${registry.replace(/:/g, '$').toLowerCase()}/${repository}/${folder}/main.json` };
}

/**
 * A tag as a folder name that case-insensitive file systems keep apart from its other casings: the tag, `$`,
 * then in hexadecimal the mask of which of its characters are capitals (bit i for the i-th character).
 */
export function encodeTag(tag: string): string {
  let mask = 0n;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c >= 65 && c <= 90) mask |= 1n << BigInt(i);
  }
  return `${tag}$${mask ? mask.toString(16) : ''}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A resource group's or a template spec's name (or version): up to 90 letters, digits, `-_.()`, not ending in a dot. */
const RESOURCE_NAME = /^[-\p{L}\p{N}_.()]{0,89}[-\p{L}\p{N}_()]$/u;

/** `ts:subscription/resourceGroup/name:version`, `ts/alias:name:version` (the alias gives the subscription and resource group). */
function templateSpecCachePath(reference: string, parsed: ModuleReference & { kind: 'registry' }, config: BicepConfig): { path: string } | { problem: string } {
  let unqualified = parsed.rest;
  if (parsed.alias !== undefined) {
    const alias = config.ts.get(parsed.alias);
    if (!alias) return { problem: `no bicepconfig.json defines the module alias '${parsed.alias}' (moduleAliases.ts)` };
    if (!alias.subscription || !alias.resourceGroup) return { problem: `the module alias '${parsed.alias}' of bicepconfig.json needs a subscription and a resource group` };
    unqualified = `${alias.subscription}/${alias.resourceGroup}/${unqualified}`;
  }
  const m = /^([^/]+)\/([^/]+)\/([^/:]+):([^/:]+)$/.exec(unqualified);
  if (!m || !GUID.test(m[1]) || !RESOURCE_NAME.test(m[2]) || !RESOURCE_NAME.test(m[3]) || !RESOURCE_NAME.test(m[4])) {
    return { problem: `'${reference}' is not a template spec reference Bicep accepts` };
  }
  return { path: `ts/${m[1]}/${m[2]}/${m[3]}/${m[4]}`.toLowerCase() + '/main.json' };
}
