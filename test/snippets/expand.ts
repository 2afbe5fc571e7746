/**
 * A small reader of VS Code's snippet syntax, enough to expand the snippets
 * of snippets/ the way the editor does when the user tabs through them
 * without typing:
 *
 *   $1, ${1}            a tab stop: the default of its index, else empty
 *   ${1:text}           a placeholder; text may hold nested tab stops
 *   ${1|a,b|}           a choice: its first option
 *   $0                  the final cursor: empty
 *   \$ \} \\            a literal $, } and \ (in choices also \, and \|)
 *
 * As in VS Code, the first placeholder of an index that has a value gives
 * that value to every tab stop of the index; a typed value (`values`)
 * replaces all of them.
 *
 * It is stricter than VS Code, which reads what it cannot parse as text:
 * variables ($TM_FILENAME, ${name}) and transforms are not used by these
 * snippets, so `$` followed by a name, `${` not followed by an index, an
 * unclosed placeholder and a `$` that starts nothing are errors — that is
 * how an unescaped `$` (ARM's `$fallback`, Bicep's `${…}` interpolation, a
 * regex's `$` anchor) is caught.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] };

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new SnippetSyntaxError(message, at);
  };

  const readIndex = (): number | undefined => {
    const m = /^\d+/.exec(body.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  };

  /** Nodes up to the end, or (inside a placeholder) up to its closing brace, which it consumes. */
  const parseNodes = (inPlaceholder: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    const start = pos;
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\') {
        const next = body[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          // VS Code keeps a backslash that escapes nothing.
          text += c;
          pos += 1;
        }
        continue;
      }
      if (c === '}' && inPlaceholder) {
        pos += 1;
        flush();
        return nodes;
      }
      if (c === '$') {
        flush();
        nodes.push(parseDollar());
        continue;
      }
      text += c;
      pos += 1;
    }
    if (inPlaceholder) fail('unclosed placeholder', start);
    flush();
    return nodes;
  };

  const parseDollar = (): SnippetNode => {
    const at = pos;
    pos += 1; // $
    const bare = readIndex();
    if (bare !== undefined) return { kind: 'tabstop', index: bare, children: [] };
    if (/^[A-Za-z_]/.test(body.slice(pos))) fail('a variable or an unescaped $ (write \\$ for a literal $)', at);
    if (body[pos] !== '{') fail('an unescaped $ that starts no tab stop (write \\$ for a literal $)', at);
    pos += 1; // {
    const index = readIndex();
    if (index === undefined) fail('${ not followed by a tab stop index (write \\${ for a literal ${)', at);
    const c = body[pos];
    if (c === '}') {
      pos += 1;
      return { kind: 'tabstop', index: index!, children: [] };
    }
    if (c === ':') {
      pos += 1;
      return { kind: 'tabstop', index: index!, children: parseNodes(true) };
    }
    if (c === '|') {
      pos += 1;
      return { kind: 'choice', index: index!, options: parseChoice(at) };
    }
    return fail(`unexpected ${JSON.stringify(c ?? 'end')} in tab stop (transforms are not supported)`);
  };

  const parseChoice = (at: number): string[] => {
    const options: string[] = [];
    let option = '';
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && [',', '|', '\\'].includes(body[pos + 1])) {
        option += body[pos + 1];
        pos += 2;
        continue;
      }
      if (c === ',') {
        options.push(option);
        option = '';
        pos += 1;
        continue;
      }
      if (c === '|') {
        if (body[pos + 1] !== '}') fail('a choice must end with |}');
        options.push(option);
        pos += 2;
        if (options.some((o) => o === '')) fail('a choice has an empty option', at);
        return options;
      }
      option += c;
      pos += 1;
    }
    return fail('unclosed choice', at);
  };

  return parseNodes(false);
}

/** Every tab stop, placeholder and choice, nested ones included, in document order. */
export function tabStops(nodes: SnippetNode[]): Array<Exclude<SnippetNode, { kind: 'text' }>> {
  const out: Array<Exclude<SnippetNode, { kind: 'text' }>> = [];
  const walk = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      out.push(node);
      if (node.kind === 'tabstop') walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The text the user sees for a node tree, given each index's value. */
function render(nodes: SnippetNode[], valueOf: (index: number) => string | undefined): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.value;
      const value = valueOf(node.index);
      if (value !== undefined) return value;
      return node.kind === 'choice' ? node.options[0] : render(node.children, valueOf);
    })
    .join('');
}

/**
 * The snippet as inserted, each tab stop at its default (or at `values[index]`,
 * as if the user had typed it). `body` is a snippet body: a string, or lines.
 */
export function expandSnippet(body: string | string[], values: Record<number, string> = {}): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(text);
  // The first placeholder of an index with a value defines it for all of them (VS Code's rule).
  const defining = new Map<number, SnippetNode>();
  for (const stop of tabStops(nodes)) {
    const hasValue = stop.kind === 'choice' || stop.children.length > 0;
    if (stop.index !== 0 && hasValue && !defining.has(stop.index)) defining.set(stop.index, stop);
  }
  const rendering = new Set<number>();
  const valueOf = (index: number): string | undefined => {
    if (index === 0) return '';
    if (values[index] !== undefined) return values[index];
    const definer = defining.get(index);
    if (!definer) return '';
    if (rendering.has(index)) throw new SnippetSyntaxError(`tab stop ${index} contains itself`, 0);
    rendering.add(index);
    try {
      return definer.kind === 'choice' ? definer.options[0] : render(definer.kind === 'tabstop' ? definer.children : [], valueOf);
    } finally {
      rendering.delete(index);
    }
  };
  return render(nodes, valueOf);
}
