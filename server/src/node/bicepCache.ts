/**
 * Bicep's module cache on this machine: where `bicep restore` puts registry modules, `.bicep` in the user's
 * home folder (Bicep takes the user profile folder: %USERPROFILE% on Windows, $HOME elsewhere, as os.homedir()
 * does), unless a bicepconfig.json sets `cacheRootDirectory`.
 */
import * as os from 'os';
import * as path from 'path';
import type { BicepCacheHost } from '../core/host';

/** `fileId` turns a path on disk into the id the analysis reads the file by (the language server's are URIs). */
export function bicepCacheOnDisk(fileId: (file: string) => string = (file) => path.resolve(file), home: string = os.homedir()): BicepCacheHost {
  return { root: path.join(home, '.bicep'), home, fileId };
}
