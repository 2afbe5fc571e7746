/**
 * The files the language server analyses together: every template of the
 * workspace folders (read from disk in the background), with the editor's
 * text for the open ones. Templates are read again only when their text, a
 * parameters file or a linked template changed; the rules run on the whole
 * workspace, so relations across files hold.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Cloud, cloudNamed, DEFAULT_CLOUD } from '../core/clouds';
import { Config, DEFAULT_MAX_FILE_SIZE, withLevels } from '../core/config';
import { Finding, TOOL_FINDINGS } from '../core/findings';
import { dirnameOf, Host, joinPath } from '../core/host';
import { Memo } from '../core/memo';
import type { SourceDocument } from '../core/model/document';
import { analyzeProject, forgetLoaded, LoadCache, ProjectFile } from '../core/project';
import { bicepCacheOnDisk } from '../node/bicepCache';
import { ConfigResolver } from '../node/configResolver';
import { decode, templateCandidates } from '../node/files';
import type { Settings } from './settings';

export interface FileState {
  uri: string;
  /** The text to analyse: the editor's for an open document, the disk's otherwise. */
  text: string | undefined;
  open: boolean;
  /** Why the file is not analysed (too large, binary…). */
  skipped?: string;
}

export interface Analysis {
  findings: Map<string, Finding[]>;
  /** The documents as analysed, by URI: the text the findings' offsets refer to. */
  documents: Map<string, SourceDocument>;
}

// Remembered: every analysis asks for the URI and path of every workspace file, and parsing a URL costs more than
// the rest of what a keystroke does for a file that did not change.
const canonicalUris = new Memo<string>(20000);
const pathsOfUris = new Memo<string | undefined>(20000);

function canonical(uri: string): string {
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** One spelling per file: the client's URIs and the ones made from paths differ in escaping. */
export function canonicalUri(uri: string): string {
  return uri.startsWith('file:') ? canonicalUris.get(uri, canonical) : uri;
}

export function pathOfUri(uri: string): string | undefined {
  return uri.startsWith('file:') ? pathsOfUris.get(uri, pathOf) : undefined;
}

/** The files the client's watchers report on (server.ts registers them): what the disk holds of them can be remembered. */
const WATCHED = /\.(jsonc?|bicep|bicepparam)$/i;

export class Workspace {
  readonly files = new Map<string, FileState>();
  private readonly cache: LoadCache = new Map();
  private configs = new ConfigResolver();
  /**
   * True once the client reports changes on disk. Then the disk's answer for a
   * watched file of the folders that the workspace does not hold (a parameters
   * file that does not exist, JSON that is not a template) is remembered until
   * a change is reported, instead of being read again at every keystroke.
   */
  watchesDisk = false;
  /** By URI; undefined when the file is absent or cannot be read. */
  private readonly diskTexts = new Memo<string | undefined>(20000);

  constructor(private settingsFor: (uri: string) => Settings) {}

  /** Settings or configuration files changed: read them again. */
  resetConfiguration(settingsFor: (uri: string) => Settings): void {
    this.settingsFor = settingsFor;
    this.configs = new ConfigResolver();
  }

  /** The files of a folder that may hold templates, yielding to the event loop now and then so requests are served meanwhile. */
  async *discover(folder: string): AsyncGenerator<string> {
    let count = 0;
    // Folders the configuration ignores are not entered (a configuration change reads the workspace again).
    for (const file of templateCandidates(folder, undefined, (p, isFolder) => !!this.configs.ignoredBy(p, isFolder))) {
      if (++count % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      yield file;
    }
  }

  /** Reads a file from disk into the workspace (unless the editor holds it). */
  async readFromDisk(file: string): Promise<void> {
    const uri = canonicalUri(pathToFileURL(file).href);
    this.diskTexts.delete(uri);
    if (this.files.get(uri)?.open) return;
    const maxSize = this.maxFileSize(uri);
    try {
      const stat = await fs.promises.stat(file);
      if (stat.size > maxSize) {
        this.files.set(uri, { uri, text: undefined, open: false, skipped: `it is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxSize / 1048576).toFixed(1)} MB limit (iotNetlint.maxFileSize)` });
        return;
      }
      const decoded = decode(await fs.promises.readFile(file));
      if ('problem' in decoded) this.files.set(uri, { uri, text: undefined, open: false, skipped: decoded.problem });
      else this.files.set(uri, { uri, text: decoded.text, open: false });
    } catch {
      this.files.delete(uri);
    }
  }

  /** A file was deleted on disk. */
  forget(uri: string): void {
    const key = canonicalUri(uri);
    this.diskTexts.delete(key);
    if (!this.files.get(key)?.open) this.files.delete(key);
  }

  open(uri: string, text: string): void {
    const key = canonicalUri(uri);
    // Updated in place at each keystroke: a replaced entry would keep the old text reachable by minor collections.
    const state = this.files.get(key);
    if (state) {
      state.text = text;
      state.open = true;
    } else {
      this.files.set(key, { uri: key, text, open: true });
    }
  }

  /** The editor closed a file: the disk's text counts again, if it is a workspace file. */
  async close(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    const file = pathOfUri(key);
    this.files.delete(key);
    if (file && this.inFolders(file) && fs.existsSync(file)) await this.readFromDisk(file);
  }

  folders: string[] = [];

  inFolders(file: string): boolean {
    return this.folders.some((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  private maxFileSize(uri: string): number {
    return this.settingsFor(uri).maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  /** Ignored by the configuration: neither analysed nor given diagnostics, open or not. */
  private ignored(uri: string): boolean {
    const file = pathOfUri(uri);
    return !!file && !!this.configs.ignoredBy(file);
  }

  private configFor(uri: string): Config {
    const settings = this.settingsFor(uri);
    const file = pathOfUri(uri);
    const fromFile = file ? this.configs.forFile(file).config : { rules: {} };
    // Editor settings come last: they are the user's own view of the project's levels.
    return withLevels(fromFile, settings.rules);
  }

  private cloud(): Cloud {
    const first = this.folders[0] ? canonicalUri(pathToFileURL(this.folders[0]).href) : [...this.files.keys()][0];
    const settings = first ? this.settingsFor(first) : undefined;
    const fromFile = first && pathOfUri(first) ? this.configs.forFile(path.join(pathOfUri(first)!, 'x.json')).config.cloud : undefined;
    return cloudNamed(settings?.cloud) ?? cloudNamed(fromFile) ?? DEFAULT_CLOUD;
  }

  /** One host for the server's life: what it resolves is remembered per host (`analyzeProject`). */
  private readonly fileHost: Host = {
    readFile: (id) => {
      const key = canonicalUri(id);
      const held = this.files.get(key);
      if (held) return held.text;
      // Asked first: most of what is read here at each keystroke is the absent parameters file of each template.
      if (this.diskTexts.has(key)) return this.diskTexts.peek(key);
      const file = pathOfUri(key);
      if (!file) return undefined;
      if (this.watchesDisk && WATCHED.test(file) && this.inFolders(file)) return this.diskTexts.get(key, () => readText(file));
      return readText(file);
    },
    resolve: (from, relative) => canonicalUri(joinPath(dirnameOf(from), relative)),
    bicepCache: bicepCacheOnDisk((file) => canonicalUri(pathToFileURL(file).href)),
  };

  /** Analyses every file of the workspace that is enabled, and returns the findings by document. */
  analyze(): Analysis {
    const files: ProjectFile[] = [];
    const skipped: Finding[] = [];
    for (const f of this.files.values()) {
      if (!this.settingsFor(f.uri).enable || this.ignored(f.uri)) continue;
      // The limit of an open document is checked at each analysis: its settings may have arrived since it opened.
      const tooLarge = f.open && f.text !== undefined && f.text.length > this.maxFileSize(f.uri);
      if (tooLarge) {
        const limit = this.maxFileSize(f.uri);
        f.skipped = `it is ${(f.text!.length / 1048576).toFixed(1)} MB, over the ${(limit / 1048576).toFixed(1)} MB limit (iotNetlint.maxFileSize)`;
      } else if (f.open) {
        f.skipped = undefined;
      }
      if (f.skipped) {
        // A file too large to analyse gets one information diagnostic, not a frozen editor.
        skipped.push({ ruleId: TOOL_FINDINGS.fileSkipped, severity: 'info', message: `Not analysed: ${f.skipped}.`, doc: f.uri, offset: 0, length: 0, related: [], fixes: [] });
        continue;
      }
      if (f.text !== undefined) files.push({ id: f.uri, text: f.text, explicit: false });
    }
    // Unused suppression comments are shown faded (as hints), never as problems.
    const result = analyzeProject(files, { host: this.fileHost, cloud: this.cloud(), configFor: (doc) => this.configFor(doc), cache: this.cache, unusedDirectives: 'info' });
    // Entries of files that are gone would keep old texts alive.
    for (const id of [...this.cache.keys()]) if (!this.files.has(id)) forgetLoaded(this.cache, id);
    const findings = new Map<string, Finding[]>();
    for (const f of [...result.findings, ...skipped]) {
      const list = findings.get(f.doc) ?? [];
      list.push(f);
      findings.set(f.doc, list);
    }
    const documents = new Map(result.documents.map((d) => [d.id, d]));
    // JSON files that are neither templates nor parameters files (package.json, settings) are not kept in memory;
    // a change on disk or opening them in the editor brings them back.
    for (const f of [...this.files.values()]) {
      if (!f.open && !f.skipped && !documents.has(f.uri)) this.files.delete(f.uri);
    }
    return { findings, documents };
  }
}

/** A file's text as the analysis reads it, or undefined when it cannot be read or is not text. */
function readText(file: string): string | undefined {
  // Most files asked for at a keystroke do not exist (the parameters file beside an open template): asking costs a
  // system call, where a failed read would also make an error with its stack trace.
  if (!fs.existsSync(file)) return undefined;
  try {
    const decoded = decode(fs.readFileSync(file));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
