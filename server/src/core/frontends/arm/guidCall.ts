/**
 * The `guid(...)` call in the text of an ARM expression, with the places of
 * its arguments: a writer that gives a role assignment a new name edits them
 * (see `fixes/roleRename.ts`). The evaluator's parser keeps no places, hence
 * this scanner of the expression language's few token kinds.
 */
import type { SeedArgument } from '../../fixes/roleRename';

export interface GuidCall {
  args: SeedArgument[];
  /** The offset of the closing parenthesis. */
  close: number;
}

/**
 * The outermost `guid(...)` call of an expression (the text between `[` and `]`),
 * when there is exactly one at that depth; undefined otherwise or when the text does not scan.
 */
export function guidCallIn(expr: string): GuidCall | undefined {
  const opens: Array<{ at: number; depth: number }> = [];
  let depth = 0;
  for (const i of outsideStrings(expr, 0)) {
    if (i < 0) return undefined;
    const c = expr[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (/[A-Za-z_]/.test(c) && (i === 0 || !/[\w$.]/.test(expr[i - 1]))) {
      const word = /^[A-Za-z_$][\w$]*/.exec(expr.slice(i))![0];
      const paren = /^\s*\(/.exec(expr.slice(i + word.length));
      if (word.toLowerCase() === 'guid' && paren) opens.push({ at: i + word.length + paren[0].length - 1, depth });
    }
  }
  if (opens.length === 0) return undefined;
  const top = Math.min(...opens.map((o) => o.depth));
  const outer = opens.filter((o) => o.depth === top);
  return outer.length === 1 ? argumentsFrom(expr, outer[0].at) : undefined;
}

/** The arguments of the call whose `(` is at `open`. */
function argumentsFrom(expr: string, open: number): GuidCall | undefined {
  const args: SeedArgument[] = [];
  let depth = 0;
  let start = open + 1;
  const push = (end: number) => {
    const raw = expr.slice(start, end);
    const text = raw.trim();
    if (text === '') return;
    const offset = start + raw.indexOf(text);
    const literal = /^'(?:[^']|'')*'$/.test(text) ? text.slice(1, -1).replace(/''/g, "'") : undefined;
    args.push({ offset, length: text.length, text, literal });
  };
  for (const i of outsideStrings(expr, open + 1)) {
    if (i < 0) return undefined;
    const c = expr[i];
    if (c === '(' || c === '[') {
      depth++;
    } else if ((c === ')' || c === ']') && depth > 0) {
      depth--;
    } else if (c === ')') {
      push(i);
      return { args, close: i };
    } else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  return undefined;
}

/** The offsets from `from` on of the characters outside string literals (`''` escapes a quote); -1 for a string left open. */
function* outsideStrings(expr: string, from: number): Generator<number> {
  for (let i = from; i < expr.length; i++) {
    if (expr[i] !== "'") {
      yield i;
      continue;
    }
    for (i++; i < expr.length && !(expr[i] === "'" && expr[i + 1] !== "'"); i++) if (expr[i] === "'") i++;
    if (i >= expr.length) {
      yield -1;
      return;
    }
  }
}
