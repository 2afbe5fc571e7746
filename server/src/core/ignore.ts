/**
 * Ignore patterns (`"ignore"` in `.iot-netlint.json`), read as `.gitignore`
 * reads its lines, paths relative to the configuration's folder with `/`:
 *
 *   generated/          a folder named `generated`, at any depth, and all under it
 *   /infra/legacy       that path under the configuration's folder only (a `/` other than a last one anchors)
 *   *.parameters.json   any file so named, at any depth
 *   tests/**\/*.json    `**` crosses folders, `*` and `?` do not; `[a-z]` is a set of characters
 *
 * A folder that matches takes everything under it. There is no `!` to take a
 * path back: the first pattern that matches decides, and it is named in messages.
 */

interface Compiled {
  pattern: string;
  regex: RegExp;
  foldersOnly: boolean;
}

export class IgnoreList {
  private readonly compiled: Compiled[];

  /** Patterns that cannot be read (see `patternProblem`) are left out. */
  constructor(patterns: readonly string[]) {
    this.compiled = patterns
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map(compile)
      .filter((c): c is Compiled => typeof c !== 'string');
  }

  get empty(): boolean {
    return this.compiled.length === 0;
  }

  /**
   * The pattern that ignores a path (relative, with `/`; a folder or a file),
   * or undefined. The path's folders are tried first: a matched folder takes its contents.
   */
  match(relativePath: string, isFolder: boolean): string | undefined {
    if (this.compiled.length === 0 || relativePath === '' || relativePath === '..' || relativePath.startsWith('../')) return undefined;
    const segments = relativePath.split('/').filter((s) => s !== '' && s !== '.');
    for (let i = 1; i <= segments.length; i++) {
      const path = segments.slice(0, i).join('/');
      const folder = i < segments.length || isFolder;
      for (const c of this.compiled) if ((folder || !c.foldersOnly) && c.regex.test(path)) return c.pattern;
    }
    return undefined;
  }
}

/** Why a pattern cannot be read, or undefined: the configuration reports the problem, and the pattern is left out. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'An ignore pattern must not be empty.';
  if (pattern.trim().startsWith('!')) return 'Ignore patterns cannot be negated with "!": list only what to ignore.';
  const compiled = compile(pattern.trim());
  return typeof compiled === 'string' ? compiled : undefined;
}

/** The pattern as a regular expression, or why it cannot be one. */
function compile(pattern: string): Compiled | string {
  let body = pattern.replace(/\\/g, '/');
  const foldersOnly = body.endsWith('/');
  if (foldersOnly) body = body.replace(/\/+$/, '');
  // A slash before the end anchors the pattern to the configuration's folder; otherwise it matches at any depth.
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '*' && body[i + 1] === '*') {
      const atStart = i === 0 || body[i - 1] === '/';
      const atEnd = i + 2 === body.length || body[i + 2] === '/';
      if (atStart && body[i + 2] === '/') {
        source += '(?:[^/]*/)*'; // `**/`: any number of folders, none included
        i += 2;
      } else if (atStart && atEnd) {
        source += '.*'; // a last `/**`: everything under
        i += 1;
      } else {
        source += '[^/]*'; // `**` inside a name is a `*`
        i += 1;
      }
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      // A `]` right after `[` (or `[!`) belongs to the set, as in .gitignore.
      const first = body[i + 1] === '!' ? i + 2 : i + 1;
      const close = body.indexOf(']', first + 1);
      if (close < 0) return `The pattern '${pattern}' has a '[' without its ']'.`;
      const members = body.slice(first, close).replace(/[\\\]^[]/g, '\\$&');
      source += `[${first === i + 2 ? '^' : ''}${members}]`;
      i = close;
    } else {
      source += ch.replace(/[.+^${}()|\]\\]/g, '\\$&');
    }
  }
  try {
    return { pattern, regex: new RegExp(`^${anchored ? '' : '(?:[^/]*/)*'}${source}$`), foldersOnly };
  } catch {
    // A set whose range runs backwards (`[z-a]`).
    return `The pattern '${pattern}' has a set of characters that cannot be read.`;
  }
}
