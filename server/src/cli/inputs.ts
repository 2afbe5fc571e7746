/**
 * What the command line analyses: the files named, the templates found under
 * the folders named (less what the configuration ignores), or the standard
 * input standing for one file; each read with its encoding, or said not to be.
 */
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE } from '../core/config';
import { Finding, TOOL_FINDINGS } from '../core/findings';
import type { ProjectFile } from '../core/project';
import type { ConfigResolver } from '../node/configResolver';
import { Encoding, looksLikeTemplate, readSource, sourceOf, walk } from '../node/files';
import type { CliOptions } from './args';

export interface LoadedFile extends ProjectFile {
  encoding: Encoding;
}

export interface Inputs {
  /** The files read, by absolute path. */
  loaded: Map<string, LoadedFile>;
  /** A finding for each file that is not analysed (ignored, too large, binary). */
  skipped: Finding[];
  /** Paths that do not exist or cannot be listed. */
  unreadable: Array<{ path: string; reason: string }>;
  /** The first file considered: its configuration names the cloud when --cloud does not. */
  first: string | undefined;
}

export function readInputs(options: CliOptions, cwd: string, configs: ConfigResolver, readStdin: () => Buffer): Inputs {
  // The standard input stands for one file named on the command line.
  const stdinPath = options.stdin ? path.resolve(cwd, options.stdinFilename ?? 'stdin.json') : undefined;
  const { files, unreadable } = stdinPath ? { files: [{ path: stdinPath, explicit: true }], unreadable: [] } : walk(options.paths, cwd, (p, isFolder) => !!configs.ignoredBy(p, isFolder));
  const loaded = new Map<string, LoadedFile>();
  const skipped: Finding[] = [];
  for (const candidate of files) {
    // Folders were walked without what is ignored; a file named on the command line is said to be left out, at info level.
    const ignored = candidate.explicit ? configs.ignoredBy(candidate.path) : undefined;
    if (ignored) {
      skipped.push(notAnalysed(candidate.path, 'info', `ignored by '${ignored.pattern}' in ${path.relative(cwd, ignored.configPath) || ignored.configPath}`));
      continue;
    }
    const maxSize = configs.forFile(candidate.path).config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const read = candidate.path === stdinPath ? sourceOf(candidate.path, readStdin(), maxSize) : readSource(candidate.path, maxSize);
    if (read.ok) {
      loaded.set(read.file.path, { id: read.file.path, text: read.file.text, explicit: candidate.explicit, encoding: read.file.encoding });
    } else if (candidate.explicit || looksLikeTemplate(candidate.path)) {
      skipped.push(notAnalysed(candidate.path, 'warning', read.skipped.reason));
    }
  }
  return { loaded, skipped, unreadable, first: files[0]?.path };
}

/** A file the command line did not analyse, said at its start. */
function notAnalysed(doc: string, severity: Finding['severity'], why: string): Finding {
  return { ruleId: TOOL_FINDINGS.fileSkipped, severity, message: `Not analysed: ${why}.`, doc, offset: 0, length: 0, related: [], fixes: [] };
}
