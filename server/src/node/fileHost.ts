/** The host that lends the analysis the file system: linked templates and parameters files read from disk. */
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE } from '../core/config';
import { BicepCacheHost, dirnameOf, Host, joinPath } from '../core/host';
import { readSource } from './files';

/** Files the caller already holds (open, or being fixed) are read from `inMemory` first; registry modules from `bicepCache`. */
export function fileSystemHost(inMemory?: (id: string) => string | undefined, bicepCache?: BicepCacheHost): Host {
  return {
    bicepCache,
    readFile: (id) => {
      const held = inMemory?.(id);
      if (held !== undefined) return held;
      const read = readSource(id, DEFAULT_MAX_FILE_SIZE);
      return read.ok ? read.file.text : undefined;
    },
    resolve: (from, relative) => path.resolve(joinPath(dirnameOf(from), relative)),
  };
}
