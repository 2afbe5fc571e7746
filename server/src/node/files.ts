/**
 * Reading what the user pointed at: folders walked for templates, files
 * decoded (UTF-8 with or without BOM, UTF-16 with BOM), binary and oversized
 * files turned away with a reason, and writing fixed text back in the
 * encoding it came in.
 */
import * as fs from 'fs';
import * as path from 'path';

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export interface SourceFile {
  path: string;
  text: string;
  encoding: Encoding;
}

export interface Skipped {
  path: string;
  reason: string;
}

export type ReadOutcome = { ok: true; file: SourceFile } | { ok: false; skipped: Skipped };

/** Extensions of files that may hold templates: ARM (their content decides) and Bicep with its parameters files. */
const TEMPLATE_EXTENSIONS = new Set(['.json', '.jsonc', '.bicep', '.bicepparam']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function decode(buffer: Buffer): { text: string; encoding: Encoding } | { problem: string } {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    const text = decodeUtf8(buffer.subarray(3));
    return text === undefined ? { problem: 'it is not valid UTF-8' } : { text, encoding: 'utf8bom' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf16be' };
  }
  // A NUL byte in the first few kilobytes marks a binary file (UTF-16 without a BOM included).
  const head = buffer.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'it is a binary file' };
  const text = decodeUtf8(buffer);
  return text === undefined ? { problem: 'it is not valid UTF-8 (nor UTF-16 with a byte order mark)' } : { text, encoding: 'utf8' };
}

function decodeUtf8(buffer: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function readSource(file: string, maxSize: number): ReadOutcome {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    return { ok: false, skipped: { path: file, reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` } };
  }
  if (size > maxSize) {
    return { ok: false, skipped: { path: file, reason: `it is ${megabytes(size)}, over the ${megabytes(maxSize)} limit (maxFileSize)` } };
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, skipped: { path: file, reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` } };
  }
  return sourceOf(file, buffer, maxSize);
}

/** The text of a file's bytes (read from disk, or given on the standard input for that path), or why there is none. */
export function sourceOf(file: string, buffer: Buffer, maxSize: number): ReadOutcome {
  if (buffer.length > maxSize) {
    return { ok: false, skipped: { path: file, reason: `it is ${megabytes(buffer.length)}, over the ${megabytes(maxSize)} limit (maxFileSize)` } };
  }
  const decoded = decode(buffer);
  if ('problem' in decoded) return { ok: false, skipped: { path: file, reason: decoded.problem } };
  return { ok: true, file: { path: file, text: decoded.text, encoding: decoded.encoding } };
}

export interface WalkResult {
  /** Files to read, each marked when the user named it. */
  files: Array<{ path: string; explicit: boolean }>;
  /** Paths that do not exist or cannot be listed. */
  unreadable: Array<{ path: string; reason: string }>;
}

/**
 * The files under a folder that may hold templates (`.json`, `.jsonc`, `.bicep`, `.bicepparam`), in
 * name order, without recursion; `node_modules` and `.git` are skipped and
 * symbolic links followed once. Folders that cannot be listed are reported.
 */
export function* templateCandidates(
  folder: string,
  onUnreadable: (folder: string, reason: string) => void = () => undefined,
  /** Folders and files left out (ignore patterns): a folder left out is not entered. */
  skip: (path: string, isFolder: boolean) => boolean = () => false,
): Generator<string> {
  const visited = new Set<string>();
  const stack = [folder];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      onUnreadable(dir, describeError(error));
      continue;
    }
    // Reverse name order on the stack gives name order out of it.
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const files: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !skip(full, true)) stack.push(full);
      } else if (isFile && TEMPLATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !skip(full, false)) {
        files.push(full);
      }
    }
    yield* files.reverse();
  }
}

/** Expands folders into the files under them that may be templates; named files are kept whatever their extension. */
export function walk(inputs: readonly string[], cwd: string, skip?: (path: string, isFolder: boolean) => boolean): WalkResult {
  const result: WalkResult = { files: [], unreadable: [] };
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      result.unreadable.push({ path: input, reason: describeError(error) });
      continue;
    }
    if (stat.isFile()) {
      if (!seen.has(absolute)) result.files.push({ path: absolute, explicit: true });
      seen.add(absolute);
      continue;
    }
    const unreadable = (folder: string, reason: string) => result.unreadable.push({ path: path.relative(cwd, folder) || folder, reason });
    for (const file of templateCandidates(absolute, unreadable, skip)) {
      if (seen.has(file)) continue;
      seen.add(file);
      result.files.push({ path: file, explicit: false });
    }
  }
  return result;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error as Error).message;
}

/** Whether a file too large to read looks like a template (its first bytes name the template schema). */
export function looksLikeTemplate(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return /deploymentTemplate|"resources"/i.test(head.subarray(0, n).toString('latin1'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** A path with `/` between its parts, as reports and patterns write it on every platform. */
export function withForwardSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Writes a file, making the folders above it that are missing, one level at a time: Node's recursive mkdir
 * never returns on some file systems that refuse a folder with ENOENT (a path under /proc).
 */
export function writeFileMakingFolders(file: string, text: string): void {
  const missing: string[] = [];
  for (let dir = path.dirname(file); !fs.existsSync(dir); dir = path.dirname(dir)) {
    missing.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) fs.mkdirSync(dir);
  fs.writeFileSync(file, text);
}
