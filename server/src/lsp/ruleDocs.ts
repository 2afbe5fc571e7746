/**
 * What hovers say about a rule, read from its documentation page
 * (docs/rules/<id>.md, shipped with the extension and the package).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface RuleDoc {
  summary: string;
  why: string;
  fix: string;
}

const cache = new Map<string, RuleDoc | undefined>();

/** The docs folder: beside the bundle (dist/ → docs/) or above the compiled sources (out/server/src/lsp → docs/). */
function docsFolder(): string | undefined {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The first paragraph under a `## Heading`, or the summary under the title. */
function section(markdown: string, heading: string | undefined): string {
  const lines = markdown.split(/\r?\n/);
  let start = 0;
  if (heading) {
    start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading}`.toLowerCase());
    if (start < 0) return '';
  }
  const paragraph: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('#')) break;
    if (line.trim() === '' || line.startsWith('|')) {
      if (paragraph.length) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  return paragraph.join(' ');
}

export function ruleDoc(ruleId: string): RuleDoc | undefined {
  if (cache.has(ruleId)) return cache.get(ruleId);
  let doc: RuleDoc | undefined;
  const folder = docsFolder();
  try {
    if (folder) {
      const markdown = fs.readFileSync(path.join(folder, `${ruleId}.md`), 'utf8');
      doc = { summary: section(markdown, undefined), why: section(markdown, 'Why it matters'), fix: section(markdown, 'How to fix') };
    }
  } catch {
    doc = undefined;
  }
  cache.set(ruleId, doc);
  return doc;
}
