/**
 * The analysis core does no I/O of its own: whoever runs it (the command
 * line, the language server, a test) lends it a host that reads files.
 */
export interface Host {
  /** The text of a document, or undefined when it cannot be read. */
  readFile(id: string): string | undefined;
  /** The id of a document named relative to another (`./nested/storage.json` from a template). */
  resolve(from: string, relative: string): string;
  /** Where Bicep keeps the registry modules `bicep restore` fetched; without it, registry modules are not followed. */
  bicepCache?: BicepCacheHost;
}

/** Bicep's module cache on this machine, as the command line or the language server finds it (server/src/node/bicepCache.ts). */
export interface BicepCacheHost {
  /** The cache's folder unless a bicepconfig.json sets `cacheRootDirectory`: `.bicep` in the user's home folder. */
  root: string;
  /** The user's home folder, which a leading `~` of `cacheRootDirectory` stands for. */
  home: string;
  /** The id of the document at a path on disk (the language server's ids are URIs). */
  fileId(path: string): string;
}

/** Path arithmetic on `/`-separated ids (file paths and URIs alike). */
export function dirnameOf(id: string): string {
  const trimmed = id.length > 1 ? id.replace(/[\\/]+$/, '') : id;
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (slash < 0) return '';
  // The root keeps its separator: the parent of `/a` is `/`.
  return slash === 0 ? trimmed.slice(0, 1) : trimmed.slice(0, slash);
}

export function basenameOf(id: string): string {
  const slash = Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\'));
  return id.slice(slash + 1);
}

/** Joins and normalises `a/b` + `../c` the way a file system would. */
export function joinPath(base: string, relative: string): string {
  if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(relative)) return relative;
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const segments = base.split(/[\\/]/);
  for (const segment of relative.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 1 && segments[segments.length - 1] !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join(separator);
}

/** A host over a fixed set of documents (tests, and editors that hold the text). */
export function memoryHost(files: Record<string, string>): Host {
  return {
    readFile: (id) => files[id],
    resolve: (from, relative) => joinPath(dirnameOf(from), relative),
  };
}
