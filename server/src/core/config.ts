/**
 * Configuration: `.iot-netlint.json`, found upward from the file analysed.
 *
 * {
 *   "rules": { "iothub-identity-role-missing": "off", "egress-allowlist-invalid-entry": "error" },
 *   "cloud": "AzureChinaCloud",
 *   "maxFileSize": 26214400,
 *   "ignore": ["generated/", "*.test.json"]
 * }
 */
import { CloudName, cloudNamed } from './clouds';
import { dirnameOf } from './host';
import { patternProblem } from './ignore';
import { parseJson } from './json/parser';
import { JsonNode } from './json/tree';

export type Level = 'error' | 'warning' | 'info' | 'off';
export const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'off'];

export const CONFIG_FILE_NAME = '.iot-netlint.json';
export const DEFAULT_MAX_FILE_SIZE = 25 * 1024 * 1024;

export interface Config {
  rules: Record<string, Level>;
  cloud?: CloudName;
  maxFileSize?: number;
  /** Patterns of files and folders not analysed, relative to the configuration's folder (see ignore.ts). */
  ignore?: string[];
}

export interface ConfigProblem {
  message: string;
  offset: number;
  length: number;
}

export function emptyConfig(): Config {
  return { rules: {} };
}

/** Reads a configuration file; every problem is reported, and what is valid is kept. */
export function parseConfig(text: string, knownRules: ReadonlySet<string>): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const json = parseJson(text);
  for (const e of json.errors) problems.push({ message: `Syntax error: ${e.message}`, offset: e.offset, length: e.length });
  const config = emptyConfig();
  const root = json.root;
  if (!root || root.type !== 'object') {
    if (root) problems.push({ message: 'The configuration must be a JSON object.', offset: root.offset, length: root.length });
    return { config, problems };
  }
  const at = (node: JsonNode | { offset: number; length: number }) => ({ offset: node.offset, length: node.length });
  for (const property of root.properties!) {
    const value = property.value;
    const key = property.key;
    if (key === '$schema') continue;
    if (!value) continue;
    if (key === 'rules') {
      if (value.type !== 'object') {
        problems.push({ message: '"rules" must be an object of rule ids and levels.', ...at(value) });
        continue;
      }
      for (const rule of value.properties!) {
        if (!knownRules.has(rule.key)) {
          problems.push({ message: `Unknown rule '${rule.key}'.`, offset: rule.offset, length: rule.keyLength });
          continue;
        }
        const level = rule.value?.type === 'string' ? (rule.value.value as string) : undefined;
        if (!level || !LEVELS.includes(level as Level)) {
          problems.push({ message: `The level of '${rule.key}' must be one of ${LEVELS.join(', ')}.`, ...at(rule.value ?? rule) });
          continue;
        }
        config.rules[rule.key] = level as Level;
      }
    } else if (key === 'cloud') {
      const cloud = value.type === 'string' ? cloudNamed(value.value as string) : undefined;
      if (cloud) config.cloud = cloud.name;
      else problems.push({ message: '"cloud" must be AzureCloud, AzureChinaCloud or AzureUSGovernment.', ...at(value) });
    } else if (key === 'maxFileSize') {
      if (value.type === 'number' && (value.value as number) > 0) config.maxFileSize = value.value as number;
      else problems.push({ message: '"maxFileSize" must be a positive number of bytes.', ...at(value) });
    } else if (key === 'ignore') {
      if (value.type !== 'array') {
        problems.push({ message: '"ignore" must be an array of patterns.', ...at(value) });
        continue;
      }
      config.ignore = [];
      for (const item of value.items!) {
        const problem = item.type === 'string' ? patternProblem(item.value as string) : 'An ignore pattern must be a string.';
        if (problem) problems.push({ message: problem, ...at(item) });
        else config.ignore.push(item.value as string);
      }
    } else {
      problems.push({ message: `Unknown setting '${key}'.`, offset: property.offset, length: property.keyLength });
    }
  }
  return { config, problems };
}

/** The configuration files that apply to a document, nearest first. */
export function configCandidates(docPath: string): string[] {
  const out: string[] = [];
  let dir = dirnameOf(docPath);
  for (let i = 0; i < 128; i++) {
    const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
    out.push(dir === '' ? CONFIG_FILE_NAME : dir.endsWith(separator) ? dir + CONFIG_FILE_NAME : dir + separator + CONFIG_FILE_NAME);
    const parent = dirnameOf(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** A configuration with levels set over its own (the command line's --rule, the editor's settings). */
export function withLevels(config: Config, levels: Config['rules']): Config {
  return { ...config, rules: { ...config.rules, ...levels } };
}

/** A level set for a rule, or undefined when the configuration leaves it at its default. */
export function levelFor(config: Config, ruleId: string): Level | undefined {
  return config.rules[ruleId];
}
