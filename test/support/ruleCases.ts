/** The fixture cases of one rule folder (see test/rules.test.ts for the layout). */
import * as fs from 'fs';
import * as path from 'path';

export interface Case {
  name: string;
  files: string[];
}

export function casesOf(ruleDir: string): { cases: Case[]; fixes: Array<{ name: string; before: string; after: string }> } {
  const cases: Case[] = [];
  const fixes: Array<{ name: string; before: string; after: string }> = [];
  for (const entry of fs.readdirSync(ruleDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(ruleDir, entry.name);
    if (entry.isDirectory()) {
      cases.push({ name: entry.name, files: fs.readdirSync(full).filter((f) => /\.jsonc?$/.test(f)).map((f) => path.join(full, f)) });
    } else if (/\.before\.jsonc?$/.test(entry.name)) {
      const after = full.replace(/\.before\.(jsonc?)$/, '.after.$1');
      fixes.push({ name: entry.name.replace(/\.before\.jsonc?$/, ''), before: full, after });
    } else if (/\.after\.jsonc?$/.test(entry.name) || /\.parameters\.jsonc?$/.test(entry.name)) {
      continue;
    } else if (/\.jsonc?$/.test(entry.name)) {
      const parameters = full.replace(/\.(jsonc?)$/, '.parameters.$1');
      cases.push({ name: entry.name, files: fs.existsSync(parameters) ? [full, parameters] : [full] });
    }
  }
  return { cases, fixes };
}

