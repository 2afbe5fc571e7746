/** The fixture cases of one rule folder (see test/rules.test.ts for the layout). */
import * as fs from 'fs';
import * as path from 'path';

export interface Case {
  name: string;
  files: string[];
}

/** Files a front-end reads: ARM templates (`.json`, `.jsonc`) and Bicep (`.bicep`, with `.bicepparam` parameters). */
const SOURCE = /\.(jsonc?|bicep|bicepparam)$/;
const MAIN = /\.(jsonc?|bicep)$/;
const BEFORE = /\.before\.(jsonc?|bicep)$/;
const AFTER = /\.after\.(jsonc?|bicep)$/;
/** Parameters files are read with the template beside them, not as cases of their own. */
const PARAMETERS = /\.parameters\.jsonc?$|\.bicepparam$/;

/** The parameters file the analysis reads with a template: `x.parameters.json` beside `x.json`, `x.bicepparam` beside `x.bicep`. */
export function parametersOf(file: string): string {
  return file.endsWith('.bicep') ? file.replace(/\.bicep$/, '.bicepparam') : file.replace(/\.(jsonc?)$/, '.parameters.$1');
}

export function casesOf(ruleDir: string): { cases: Case[]; fixes: Array<{ name: string; before: string; after: string }> } {
  const cases: Case[] = [];
  const fixes: Array<{ name: string; before: string; after: string }> = [];
  for (const entry of fs.readdirSync(ruleDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(ruleDir, entry.name);
    if (entry.isDirectory()) {
      cases.push({ name: entry.name, files: fs.readdirSync(full).filter((f) => SOURCE.test(f)).map((f) => path.join(full, f)) });
    } else if (BEFORE.test(entry.name)) {
      fixes.push({ name: entry.name.replace(BEFORE, ''), before: full, after: full.replace(/\.before\.(\w+)$/, '.after.$1') });
    } else if (AFTER.test(entry.name) || PARAMETERS.test(entry.name)) {
      continue;
    } else if (MAIN.test(entry.name)) {
      const parameters = parametersOf(full);
      cases.push({ name: entry.name, files: fs.existsSync(parameters) ? [full, parameters] : [full] });
    }
  }
  return { cases, fixes };
}
