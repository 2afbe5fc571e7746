/** Finds and reads `.iot-netlint.json` for each file, once per folder. */
import * as fs from 'fs';
import * as path from 'path';
import { Config, ConfigProblem, configCandidates, emptyConfig, parseConfig } from '../core/config';
import { RULE_IDS } from '../core/rules';

export interface LoadedConfig {
  path: string | undefined;
  config: Config;
}

export interface ConfigFileProblems {
  path: string;
  text: string;
  problems: ConfigProblem[];
}

export class ConfigResolver {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byFolder = new Map<string, LoadedConfig>();
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

  private load(file: string): LoadedConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const text = fs.readFileSync(file, 'utf8');
    const { config, problems } = parseConfig(text, RULE_IDS);
    if (problems.length) this.problems.push({ path: file, text, problems });
    const loaded = { path: file, config };
    this.byFile.set(file, loaded);
    return loaded;
  }
}
