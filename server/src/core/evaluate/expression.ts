/**
 * The ARM template expression language: `[concat('a', parameters('b')).c[0]]`.
 * The parser never throws: what it cannot read becomes an `error` node, which
 * evaluates to unknown.
 */
import { Memo } from '../memo';

export type Expr =
  | { k: 'string'; value: string }
  | { k: 'number'; value: number }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'member'; target: Expr; name: string }
  | { k: 'index'; target: Expr; index: Expr }
  | { k: 'error'; message: string };

// Sticky patterns read in place, without cutting the text into pieces.
const NUMBER = /-?\d+(\.\d+)?/y;
const IDENTIFIER = /[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*(?=\s*\())?/y;

/** Nesting beyond this is not a template anyone wrote; it becomes an error rather than a deep recursion. */
const MAX_DEPTH = 64;

/** Whether a JSON string is an expression: `[...]`, but not the escape `[[...]`. */
export function isExpression(text: string): boolean {
  return text.length >= 2 && text.charCodeAt(0) === 91 && text.charCodeAt(1) !== 91 && text.charCodeAt(text.length - 1) === 93;
}

/** The literal a `[[...]` string stands for. */
export function unescapeLiteral(text: string): string {
  return text.length >= 2 && text.charCodeAt(0) === 91 && text.charCodeAt(1) === 91 ? text.slice(1) : text;
}

const parsed = new Memo<Expr>(20000);

const parseAll = (source: string) => new ExpressionParser(source).parseAll();

/** Parses the expression inside `[` and `]`. Results are remembered: templates repeat expressions. */
export function parseExpression(source: string): Expr {
  return parsed.get(source, parseAll);
}

class ExpressionParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseAll(): Expr {
    const expr = this.parseExpr(0);
    this.skipSpace();
    if (expr.k !== 'error' && this.pos < this.text.length) return { k: 'error', message: `Unexpected '${this.text.slice(this.pos, this.pos + 10)}'` };
    return expr;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else return;
    }
  }

  private parseExpr(depth: number): Expr {
    if (depth > MAX_DEPTH) return { k: 'error', message: 'Expression nested too deeply' };
    this.skipSpace();
    let expr = this.parsePrimary(depth);
    for (;;) {
      if (expr.k === 'error') return expr;
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '.') {
        this.pos++;
        this.skipSpace();
        const name = this.readIdentifier();
        if (!name) return { k: 'error', message: 'Expected a property name after "."' };
        expr = { k: 'member', target: expr, name };
      } else if (c === '[') {
        this.pos++;
        const index = this.parseExpr(depth + 1);
        this.skipSpace();
        if (this.text[this.pos] !== ']') return { k: 'error', message: 'Expected "]"' };
        this.pos++;
        expr = { k: 'index', target: expr, index };
      } else if (c === '?' && this.text[this.pos + 1] === '.') {
        // Safe dereference (`a.?b`, languageVersion 2.0): treated as plain access.
        this.pos++;
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(depth: number): Expr {
    const text = this.text;
    const c = text[this.pos];
    if (c === "'") {
      let value = '';
      let i = this.pos + 1;
      for (;;) {
        const q = text.indexOf("'", i);
        if (q < 0) return { k: 'error', message: 'Unterminated string' };
        value += text.slice(i, q);
        if (text[q + 1] === "'") {
          value += "'";
          i = q + 2;
          continue;
        }
        this.pos = q + 1;
        return { k: 'string', value };
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(text);
      if (!m) return { k: 'error', message: 'Invalid number' };
      this.pos += m[0].length;
      return { k: 'number', value: Number(m[0]) };
    }
    const name = this.readIdentifier();
    if (!name) return { k: 'error', message: `Unexpected '${text.slice(this.pos, this.pos + 10)}'` };
    this.skipSpace();
    if (text[this.pos] !== '(') {
      // Bare `true`, `false` and `null` appear in hand-written templates; anything else is not an expression.
      if (name === 'true' || name === 'false' || name === 'null') return { k: 'call', name, args: [] };
      return { k: 'error', message: `Expected "(" after ${name}` };
    }
    this.pos++;
    const args: Expr[] = [];
    this.skipSpace();
    if (text[this.pos] === ')') {
      this.pos++;
      return { k: 'call', name: name.toLowerCase(), args };
    }
    for (;;) {
      const arg = this.parseExpr(depth + 1);
      if (arg.k === 'error') return arg;
      args.push(arg);
      this.skipSpace();
      const d = text[this.pos];
      if (d === ',') {
        this.pos++;
        continue;
      }
      if (d === ')') {
        this.pos++;
        // Parsed expressions are kept in the cache: a copy at its exact size, not the list grown by pushing.
        return { k: 'call', name: name.toLowerCase(), args: args.slice() };
      }
      return { k: 'error', message: 'Expected "," or ")"' };
    }
  }

  /** Function names may be namespaced (`contoso.uniqueName`); property names may contain `$`. */
  private readIdentifier(): string {
    IDENTIFIER.lastIndex = this.pos;
    const m = IDENTIFIER.exec(this.text);
    if (!m) return '';
    this.pos += m[0].length;
    return m[0];
  }
}
