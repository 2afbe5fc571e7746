/** Finds and reads `.iot-netlint.json` for each file, once per folder. */
import * as fs from 'fs';
import * as path from 'path';
import { Config, ConfigProblem, configCandidates, CONFIG_FILE_NAME, emptyConfig, parseConfig } from '../core/config';
import { IgnoreList } from '../core/ignore';
import { withForwardSlashes } from './files';
import { LEVEL_IDS } from '../core/rules';

export interface LoadedConfig {
  path: string | undefined;
  config: Config;
  /** The configuration's ignore patterns, compiled. */
  ignore?: IgnoreList;
}

/** Why a path is not analysed: a pattern of a configuration file. */
export interface Ignored {
  pattern: string;
  configPath: string;
}

export interface ConfigFileProblems {
  path: string;
  text: string;
  problems: ConfigProblem[];
}

export class ConfigResolver {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly ignoredPaths = new Map<string, Ignored | null>();
  readonly problems: ConfigFileProblems[] = [];

  /** `--config FILE` replaces the search. */
  constructor(private readonly explicit?: string) {}

  forFile(file: string): LoadedConfig {
    if (this.explicit) return this.load(path.resolve(this.explicit));
    const folder = path.dirname(file);
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let found: LoadedConfig = { path: undefined, config: emptyConfig() };
    for (const candidate of configCandidates(file)) {
      if (fs.existsSync(candidate)) {
        found = this.load(candidate);
        break;
      }
    }
    this.byFolder.set(folder, found);
    return found;
  }

  /**
   * Whether the configuration that applies to a path ignores it (the nearest one, as for rule levels: a
   * folder with its own configuration answers for itself). Remembered: an editor asks at every keystroke.
   */
  ignoredBy(file: string, isFolder = false): Ignored | undefined {
    const key = isFolder ? file + path.sep : file;
    let found = this.ignoredPaths.get(key);
    if (found === undefined) {
      // A folder's configuration is looked for from inside it.
      const loaded = this.forFile(isFolder ? path.join(file, CONFIG_FILE_NAME) : file);
      const relative = loaded.path && loaded.ignore ? withForwardSlashes(path.relative(path.dirname(loaded.path), file)) : undefined;
      const pattern = relative !== undefined ? loaded.ignore!.match(relative, isFolder) : undefined;
      found = pattern !== undefined ? { pattern, configPath: loaded.path! } : null;
      this.ignoredPaths.set(key, found);
    }
    return found ?? undefined;
  }

  private load(file: string): LoadedConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const text = fs.readFileSync(file, 'utf8');
    const { config, problems } = parseConfig(text, LEVEL_IDS);
    if (problems.length) this.problems.push({ path: file, text, problems });
    const loaded: LoadedConfig = { path: file, config, ignore: config.ignore?.length ? new IgnoreList(config.ignore) : undefined };
    this.byFile.set(file, loaded);
    return loaded;
  }
}
