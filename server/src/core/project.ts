/**
 * Analyses a set of files as one project: each template with its parameters
 * file and linked templates, all resources in one model, so relations across
 * files hold (a hub in one template, the storage account it routes to in another).
 */
import { runEngine } from './analyze';
import { Cloud, DEFAULT_CLOUD } from './clouds';
import type { Config } from './config';
import type { Finding } from './findings';
import type { Writer } from './fixes/writer';
import { Host } from './host';
import type { JsonDocument } from './json/tree';
import { loadArmTemplate, parametersFileNameFor } from './frontends/arm/template';
import { isBicepId, isBicepParamsId, loadBicep } from './frontends/bicep/template';
import type { LoadResult } from './frontends/result';
import { armWriter } from './frontends/arm/writer';
import { bicepWriter } from './frontends/bicep/writer';
import { Memo } from './memo';
import type { SourceDocument } from './model/document';
import type { Resource } from './model/resource';
import { RULES } from './rules';
import type { Rule, Severity } from './rules/rule';

export interface ProjectFile {
  id: string;
  text: string;
  /** Named by the user (not found by walking a folder): reported on even when it is not a template. */
  explicit?: boolean;
}

export interface ProjectOptions {
  host: Host;
  cloud?: Cloud;
  /** A parameters file for every template (`--parameters`); otherwise `<name>.parameters.json` beside it. */
  parameters?: ProjectFile;
  configFor?: (doc: string) => Config;
  rules?: readonly Rule[];
  /** Suppression comments that suppress nothing are reported at this level (see suppressions.ts). */
  unusedDirectives?: Severity;
  /**
   * Templates already read, kept between analyses (the language server's): a
   * template is read again only when its text, its parameters file's or a
   * linked template's changed, or the cloud did.
   */
  cache?: LoadCache;
}

export interface LoadCacheEntry {
  cloud: Cloud;
  parameters: string | undefined;
  /** Let go (undefined) when the entry is dropped: see `forgetLoaded`. */
  result: LoadResult | undefined;
}

export type LoadCache = Map<string, LoadCacheEntry>;

/**
 * Drops a template from the cache, letting go of its model first. Deleting the entry alone is not enough for
 * V8: the map's deleted slot still reaches the model in a minor collection, which then copies it until the
 * next full collection; at every keystroke, a Bicep file's whole syntax tree was promoted that way.
 */
export function forgetLoaded(cache: LoadCache, id: string): void {
  const entry = cache.get(id);
  if (entry) entry.result = undefined;
  cache.delete(id);
}

export interface ProjectResult {
  findings: Finding[];
  documents: SourceDocument[];
  resources: Resource[];
}

export const WRITERS: Readonly<Record<string, Writer>> = { arm: armWriter, bicep: bicepWriter };

export function analyzeProject(files: readonly ProjectFile[], options: ProjectOptions): ProjectResult {
  const cloud = options.cloud ?? DEFAULT_CLOUD;
  const documents: SourceDocument[] = [];
  const resources: Resource[] = [];
  const units = new Map<Resource, string>();
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const file of files) {
    const given = options.parameters ?? siblingParameters(file.id, byId, options.host);
    // A `.bicepparam` file gives values to Bicep files only; an ARM parameters file to either.
    const parameters = given && isBicepParamsId(given.id) && !isBicepId(file.id) ? undefined : given;
    const loaded = load(file, parameters, cloud, options);
    if (loaded.kind === 'template') {
      documents.push(...loaded.documents);
      for (const resource of loaded.resources) {
        resources.push(resource);
        units.set(resource, file.id);
      }
    } else if (loaded.kind === 'parameters' || file.explicit) {
      // Parameters files are read through their templates, but their own syntax errors are theirs.
      documents.push(...loaded.documents);
    }
  }
  const findings = runEngine({
    documents,
    resources,
    units,
    cloud,
    rules: options.rules ?? RULES,
    writers: WRITERS,
    configFor: options.configFor,
    unusedDirectives: options.unusedDirectives,
  });
  return { findings, documents, resources };
}

function load(file: ProjectFile, parameters: ProjectFile | undefined, cloud: Cloud, options: ProjectOptions): LoadResult {
  const cached = options.cache?.get(file.id);
  if (
    cached?.result &&
    cached.cloud === cloud &&
    cached.parameters === parameters?.id &&
    cached.result.documents.slice(1).every((d) => (d.id === parameters?.id ? parameters.text : options.host.readFile(d.id)) === d.text) &&
    (cached.result.dependsOn ?? []).every((d) => options.host.readFile(d.id) === d.text)
  ) {
    if (cached.result.documents[0]?.text === file.text) return cached.result;
    // Only the file itself changed: its front-end may keep what the edit left alone.
    const updated = cached.result.update?.(file.text);
    if (updated) {
      cached.result = updated;
      return updated;
    }
  }
  const bicep = isBicepId(file.id) || isBicepParamsId(file.id);
  // The parse of the text before the edit, which a keystroke inside one string or number only patches.
  const previous = !bicep && cached?.result?.documents[0]?.id === file.id ? (cached.result.documents[0].tree as JsonDocument | undefined) : undefined;
  // The stale entry goes first: an editor's analysis then never holds two models of the file at once,
  // and the old one dies young instead of being copied by the garbage collector while the new one is built.
  if (cached) forgetLoaded(options.cache!, file.id);
  const result = bicep ? loadBicep(file, { cloud, parameters, host: options.host }) : loadArmTemplate(file, { cloud, parameters, host: options.host, previous });
  options.cache?.set(file.id, { cloud, parameters: parameters?.id, result });
  return result;
}

function siblingParameters(templateId: string, files: Map<string, ProjectFile>, host: Host): ProjectFile | undefined {
  const id = siblingParametersId(templateId, host);
  if (id === undefined) return undefined;
  const known = files.get(id);
  if (known) return known;
  const text = host.readFile(id);
  return text === undefined ? undefined : { id, text };
}

/**
 * Where the parameters file beside a template would be, remembered per host:
 * an editor asks at every keystroke for every template of its workspace, and
 * the answer depends only on the template's id and how the host resolves paths.
 */
const siblingIds = new WeakMap<Host, Memo<string | undefined>>();

function siblingParametersId(templateId: string, host: Host): string | undefined {
  let ids = siblingIds.get(host);
  if (!ids) siblingIds.set(host, (ids = new Memo(20000)));
  return ids.get(templateId, () => {
    const name = parametersFileNameFor(templateId);
    const resolved = name === templateId.split(/[\\/]/).pop() ? templateId : host.resolve(templateId, name);
    return resolved === templateId ? undefined : resolved;
  });
}
