/**
 * A recursive-descent parser for Bicep and Bicep parameters files, after the
 * grammar of Bicep's own parser (Bicep.Core/Parsing), from which it keeps
 * the places where line breaks matter and the ways it recovers.
 *
 * It never throws. On an error it records it and goes on: a missing piece
 * becomes a `MissingExpr` (or a nameless `Identifier`), and text that fits
 * nowhere is skipped to the next line break, comma or closing bracket at its
 * own nesting level, so that one broken resource does not take the others
 * with it. A declaration keyword at the start of a line also ends whatever
 * brackets are left open: an object left unclosed while typing must not
 * swallow the resources below it (a `resource` in a resource body does so
 * only when that body does not close further on: it may be nested).
 *
 * Nesting is bounded: past MAX_DEPTH levels one error is reported and the
 * rest of the nested region is skipped by counting brackets, without
 * recursion, so no input overflows the stack.
 */
import type { SyntaxProblem } from '../../model/document';
import { isLineBreak, lex, LexResult, stringPieceValue, StringFlag, Tok, TOKEN_KINDS, Tokens } from './lexer';
import type * as S from './syntax';

export function parseBicep(text: string): S.BicepDocument {
  try {
    return new Parser(text, MAX_DEPTH).parse();
  } catch (e) {
    // A host that calls from deep in its own stack may leave too little for MAX_DEPTH levels.
    if (!(e instanceof RangeError)) throw e;
    return new Parser(text, SHALLOW_DEPTH).parse();
  }
}

/** Real files nest a few dozen levels; each level costs about ten frames. */
const MAX_DEPTH = 256;
const SHALLOW_DEPTH = 32;
const MAX_ERRORS = 200;

/** How a list's elements are separated, and whether it is a resource body (which may hold resources). */
const enum List {
  /** By line breaks, or commas on one line. */
  Lines,
  /** By commas, with line breaks around them allowed. */
  Arguments,
  /** Separated as Lines; may hold nested resources. */
  ResourceBody,
}

const enum Flags {
  None = 0,
  /** Objects and arrays are allowed (everywhere but inside string interpolation). */
  Complex = 1,
  /** Nested resource declarations are allowed (directly in a resource body). */
  Resources = 2,
}

function kindSet(...kinds: Tok[]): Uint8Array {
  const set = new Uint8Array(TOKEN_KINDS);
  for (const kind of kinds) set[kind] = 1;
  return set;
}

/** Closing tokens, the ends of interpolation holes among them, and the end of the file. */
const CLOSERS = kindSet(Tok.RightBrace, Tok.RightSquare, Tok.RightParen, Tok.StringMiddle, Tok.StringRight, Tok.EOF);
const OPENERS = kindSet(Tok.LeftBrace, Tok.LeftSquare, Tok.LeftParen, Tok.StringLeft);
const LINE_END = kindSet(Tok.NewLine);
const ITEM_END = kindSet(Tok.NewLine, Tok.Comma);
const PROPERTY_VALUE = kindSet(Tok.NewLine, Tok.Comma, Tok.Colon);
const BODY_START = kindSet(Tok.NewLine, Tok.LeftBrace, Tok.LeftSquare);
const IF_BODY = kindSet(Tok.NewLine, Tok.LeftBrace);

/** Binding strength of binary operators (0: not one). */
const PRECEDENCE = new Uint8Array(TOKEN_KINDS);
const OPERATOR: S.BinaryOperator[] = [];
for (const [kind, op, precedence] of [
  [Tok.Asterisk, '*', 7],
  [Tok.Slash, '/', 7],
  [Tok.Modulo, '%', 7],
  [Tok.Plus, '+', 6],
  [Tok.Minus, '-', 6],
  [Tok.Less, '<', 5],
  [Tok.LessOrEqual, '<=', 5],
  [Tok.Greater, '>', 5],
  [Tok.GreaterOrEqual, '>=', 5],
  [Tok.Equals, '==', 4],
  [Tok.NotEquals, '!=', 4],
  [Tok.EqualsInsensitive, '=~', 4],
  [Tok.NotEqualsInsensitive, '!~', 4],
  [Tok.And, '&&', 3],
  [Tok.Or, '||', 2],
  [Tok.DoubleQuestion, '??', 1],
] as const) {
  PRECEDENCE[kind] = precedence;
  OPERATOR[kind] = op;
}

/** Keywords that begin a declaration; at the start of a line they end any construct left open. */
const DECLARATION_KEYWORDS = new Set([
  'targetScope',
  'metadata',
  'param',
  'var',
  'resource',
  'module',
  'output',
  'type',
  'func',
  'import',
  'extension',
  'provider',
  'assert',
  'test',
  'using',
  'extends',
  'extensionConfig',
]);

const CLOSER_TEXT: Partial<Record<Tok, string>> = { [Tok.RightBrace]: '}', [Tok.RightSquare]: ']', [Tok.RightParen]: ')', [Tok.Greater]: '>' };

class Parser {
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly tokens: Tokens;
  private readonly errors: SyntaxProblem[] = [];
  private readonly lexed: LexResult;
  private p = 0;
  /** The end of the last token consumed, line breaks aside: where a node being built ends. */
  private lastEnd = 0;
  private depth = 0;
  private tooDeepReported = false;
  /**
   * How many constructs being parsed wait for each kind of closing token (a
   * string's holes count under StringRight): a closing token that none waits
   * for is junk to skip, one that some construct waits for ends the inner ones.
   */
  private readonly open = new Int32Array(TOKEN_KINDS);

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.lexed = lex(text, (offset, length, message) => this.error(offset, length, message));
    this.tokens = this.lexed.tokens;
    this.kinds = this.tokens.kinds;
    this.starts = this.tokens.starts;
    this.ends = this.tokens.ends;
  }

  parse(): S.BicepDocument {
    const statements: S.Statement[] = [];
    while (this.k() !== Tok.EOF) {
      if (this.k() === Tok.NewLine) {
        this.next();
        continue;
      }
      const before = this.p;
      statements.push(this.statement());
      this.endOfStatement();
      // Each statement reads at least one token; this keeps the loop finite even were one not to.
      if (this.p === before) this.next();
    }
    this.errors.sort((a, b) => a.offset - b.offset);
    return {
      program: { kind: 'Program', offset: 0, length: this.text.length, statements, bySymbol: undefined },
      errors: this.errors,
      comments: this.lexed.comments,
      directives: this.lexed.directives,
    };
  }

  // ---- Tokens

  private k(): Tok {
    return this.kinds[this.p];
  }

  private get start(): number {
    return this.starts[this.p];
  }

  private next(): void {
    const kind = this.kinds[this.p];
    if (kind === Tok.EOF) return;
    if (kind !== Tok.NewLine) this.lastEnd = this.ends[this.p];
    this.p++;
  }

  private skipNewLines(): void {
    while (this.kinds[this.p] === Tok.NewLine) this.p++;
  }

  /** The index of the first token at or after `i` that is not a line break. */
  private afterNewLines(i: number): number {
    while (this.kinds[i] === Tok.NewLine) i++;
    return i;
  }

  private isKeyword(word: string, i = this.p): boolean {
    const start = this.starts[i];
    return this.kinds[i] === Tok.Identifier && this.ends[i] - start === word.length && this.text.startsWith(word, start);
  }

  private tokenText(i = this.p): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private len(start: number): number {
    return Math.max(0, this.lastEnd - start);
  }

  /** A declaration keyword first on its line (and not a property name): see the file comment. */
  private atDeclarationStart(i = this.p): boolean {
    if (this.kinds[i] !== Tok.Identifier) return false;
    const start = this.starts[i];
    if (start > 0 && !isLineBreak(this.text.charCodeAt(start - 1))) return false;
    return this.kinds[i + 1] !== Tok.Colon && DECLARATION_KEYWORDS.has(this.tokenText(i));
  }

  /**
   * At `resource` first on its line in a resource body: whether the body
   * closes further on, which makes this an unindented nested resource rather
   * than the next declaration after a body left open.
   */
  private bodyClosesLater(): boolean {
    let depth = 0;
    for (let i = this.p + 1; ; i++) {
      const kind = this.kinds[i];
      if (kind === Tok.EOF) return false;
      if (OPENERS[kind]) depth++;
      else if (CLOSERS[kind] && kind !== Tok.StringMiddle) {
        if (depth === 0) return kind === Tok.RightBrace;
        depth--;
      } else if (depth === 0 && this.atDeclarationStart(i) && !this.isKeyword('resource', i)) return false;
    }
  }

  // ---- Errors and recovery

  private error(offset: number, length: number, message: string): void {
    const errors = this.errors;
    // One mistake often trips two expectations at the same place; the first says it best.
    if (errors.length && errors[errors.length - 1].offset === offset) return;
    if (errors.length < MAX_ERRORS) errors.push({ offset, length, message });
    else if (errors.length === MAX_ERRORS) errors.push({ offset, length: 0, message: 'Too many syntax errors: the rest are not reported.' });
  }

  private errorHere(message: string): void {
    const kind = this.k();
    // The lexer has reported an unrecognized token already.
    if (kind === Tok.Unrecognized) return;
    this.error(this.start, kind === Tok.NewLine || kind === Tok.EOF ? 0 : this.ends[this.p] - this.start, message);
  }

  private expect(kind: Tok, text: string): boolean {
    if (this.k() === kind) {
      this.next();
      return true;
    }
    this.errorHere(`Expected '${text}'.`);
    return false;
  }

  /** Consumes an opening bracket, whose closing one `close` is then awaited. */
  private openWith(close: Tok): void {
    this.next();
    this.open[close]++;
  }

  /** Stops awaiting `close`, and consumes it or reports it missing. */
  private closeWith(close: Tok): boolean {
    this.open[close]--;
    return this.expect(close, CLOSER_TEXT[close]!);
  }

  private expectKeyword(word: string): boolean {
    if (this.isKeyword(word)) {
      this.next();
      return true;
    }
    this.errorHere(`Expected '${word}'.`);
    return false;
  }

  /** Whether some construct being parsed waits for this closing token. */
  private awaited(kind: Tok): boolean {
    return this.open[kind === Tok.StringMiddle ? Tok.StringRight : kind] > 0;
  }

  /**
   * Skips tokens up to one of `stop` at this nesting level, or to a closing
   * token that an enclosing construct waits for, counting brackets instead
   * of recursing. Closing tokens that close nothing are skipped.
   */
  private skipTo(stop: Uint8Array): void {
    let depth = 0;
    const first = this.p;
    for (;;) {
      const kind = this.k();
      if (kind === Tok.EOF) return;
      if (depth === 0 && stop[kind]) return;
      if (this.p > first && this.atDeclarationStart()) return;
      if (OPENERS[kind]) depth++;
      else if (CLOSERS[kind]) {
        if (depth > 0) {
          if (kind !== Tok.StringMiddle) depth--;
        } else if (this.awaited(kind)) return;
      }
      this.next();
    }
  }

  private missing(): S.MissingExpr {
    return { kind: 'MissingExpr', offset: this.start, length: 0 };
  }

  /** Reports and skips what follows a declaration on its line. */
  private endOfStatement(): void {
    const kind = this.k();
    if (kind === Tok.NewLine || kind === Tok.EOF) return;
    // A list that stopped at a declaration keyword has left us at the start of a line, its error reported.
    if (this.kinds[this.p - 1] === Tok.NewLine) return;
    this.errorHere('Expected a new line after the declaration.');
    this.skipTo(LINE_END);
  }

  // ---- Statements

  private statement(): S.Statement {
    const s = this.start;
    const decorators = this.decorators();
    if (this.k() === Tok.Identifier) {
      switch (this.tokenText()) {
        case 'targetScope':
          return this.targetScope(s, decorators);
        case 'metadata':
          return this.metadata(s, decorators);
        case 'param':
          return this.param(s, decorators);
        case 'var':
          return this.variable(s, decorators);
        case 'resource':
          return this.resource(s, decorators);
        case 'module':
          return this.module(s, decorators);
        case 'test':
          return this.test(s, decorators);
        case 'output':
          return this.output(s, decorators);
        case 'type':
          return this.typeDecl(s, decorators);
        case 'func':
          return this.func(s, decorators);
        case 'import':
          return this.importDecl(s, decorators);
        case 'extension':
          return this.extension(s, decorators, 'extension');
        case 'provider':
          return this.extension(s, decorators, 'provider');
        case 'assert':
          return this.assert(s, decorators);
        case 'using':
          return this.using(s);
        case 'extends':
          return this.extendsDecl(s);
        case 'extensionConfig':
          return this.extensionConfig(s);
      }
    }
    this.errorHere(decorators.length ? 'Expected a declaration after the decorators.' : 'Expected a declaration (param, var, resource, module, output, …).');
    this.skipTo(LINE_END);
    return { kind: 'ErrorStatement', offset: s, length: this.len(s) };
  }

  private decorators(): S.Decorator[] {
    const decorators: S.Decorator[] = [];
    while (this.k() === Tok.At) {
      const s = this.start;
      this.next();
      const expression = this.decoratorExpression();
      decorators.push({ kind: 'Decorator', offset: s, length: this.len(s), expression });
      if (this.k() !== Tok.NewLine) {
        this.errorHere('Expected a new line after the decorator.');
        this.skipTo(LINE_END);
      }
      this.skipNewLines();
    }
    return decorators;
  }

  private decoratorExpression(): S.Expr {
    if (this.k() !== Tok.Identifier) {
      this.errorHere('Expected a decorator name.');
      return this.missing();
    }
    const name = this.identifier();
    let expression: S.Expr = this.k() === Tok.LeftParen ? this.call(undefined, name, Flags.Complex) : name;
    while (this.k() === Tok.Dot) {
      this.next();
      const property = this.name('a function or property name');
      expression =
        this.k() === Tok.LeftParen
          ? this.call(expression, property, Flags.Complex)
          : { kind: 'MemberExpr', offset: expression.offset, length: this.len(expression.offset), object: expression, property, safe: false };
    }
    return expression;
  }

  private targetScope(s: number, decorators: S.Decorator[]): S.TargetScopeDecl {
    this.next();
    this.expect(Tok.Assignment, '=');
    const value = this.expression(Flags.Complex);
    return { kind: 'TargetScopeDecl', offset: s, length: this.len(s), decorators, value };
  }

  private metadata(s: number, decorators: S.Decorator[]): S.MetadataDecl {
    this.next();
    const name = this.name('the metadata name');
    this.expect(Tok.Assignment, '=');
    const value = this.expression(Flags.Complex);
    return { kind: 'MetadataDecl', offset: s, length: this.len(s), decorators, name, value };
  }

  private param(s: number, decorators: S.Decorator[]): S.ParamDecl {
    this.next();
    const name = this.name('the parameter name');
    // A parameters file assigns without a type.
    const type = this.k() === Tok.Assignment ? undefined : this.type(false);
    let value: S.Expr | undefined;
    if (this.k() === Tok.Assignment) {
      this.next();
      value = this.expression(Flags.Complex);
    }
    return { kind: 'ParamDecl', offset: s, length: this.len(s), decorators, name, type, value };
  }

  private variable(s: number, decorators: S.Decorator[]): S.VarDecl {
    this.next();
    const name = this.name('the variable name');
    const kind = this.k();
    const type = kind === Tok.Assignment || kind === Tok.NewLine || kind === Tok.EOF ? undefined : this.type(false);
    this.expect(Tok.Assignment, '=');
    const value = this.expression(Flags.Complex);
    return { kind: 'VarDecl', offset: s, length: this.len(s), decorators, name, type, value };
  }

  private resource(s: number, decorators: S.Decorator[]): S.ResourceDecl {
    this.next();
    const name = this.name('the resource name');
    const type = this.stringOr("Expected the resource type, like 'Microsoft.Storage/storageAccounts@2023-05-01'.");
    const existing = this.isKeyword('existing');
    if (existing) this.next();
    const value = this.body(Flags.Complex | Flags.Resources);
    return { kind: 'ResourceDecl', offset: s, length: this.len(s), decorators, name, type, existing, value };
  }

  private module(s: number, decorators: S.Decorator[]): S.ModuleDecl {
    this.next();
    const name = this.name('the module name');
    const path = this.stringOr('Expected the module path string.');
    const value = this.body(Flags.Complex);
    return { kind: 'ModuleDecl', offset: s, length: this.len(s), decorators, name, path, value };
  }

  private test(s: number, decorators: S.Decorator[]): S.TestDecl {
    this.next();
    const name = this.name('the test name');
    const path = this.stringOr('Expected the test path string.');
    this.expect(Tok.Assignment, '=');
    const value = this.k() === Tok.LeftBrace ? this.object(Flags.Complex) : (this.errorHere("Expected '{'."), this.missing());
    return { kind: 'TestDecl', offset: s, length: this.len(s), decorators, name, path, value };
  }

  /** `= {…}`, `= if (…) {…}` or `= [for …]` of a resource or module. */
  private body(flags: Flags): S.Expr {
    if (this.k() === Tok.Assignment) {
      this.next();
      if (this.k() === Tok.NewLine && this.isKeyword('if', this.afterNewLines(this.p))) this.skipNewLines();
    } else {
      this.errorHere("Expected '='.");
      this.skipTo(BODY_START);
    }
    if (this.isKeyword('if')) return this.ifExpr(flags);
    if (this.k() === Tok.LeftBrace) return this.object(flags);
    if (this.k() === Tok.LeftSquare) return this.forExpr(flags, true);
    this.errorHere("Expected '{', 'if' or '[for'.");
    return this.missing();
  }

  private output(s: number, decorators: S.Decorator[]): S.OutputDecl {
    this.next();
    const name = this.name('the output name');
    const type = this.type(true);
    this.expect(Tok.Assignment, '=');
    const value = this.expression(Flags.Complex);
    return { kind: 'OutputDecl', offset: s, length: this.len(s), decorators, name, type, value };
  }

  private typeDecl(s: number, decorators: S.Decorator[]): S.TypeDecl {
    this.next();
    const name = this.name('the type name');
    this.expect(Tok.Assignment, '=');
    const value = this.typeExpr();
    return { kind: 'TypeDecl', offset: s, length: this.len(s), decorators, name, value };
  }

  private func(s: number, decorators: S.Decorator[]): S.FuncDecl {
    this.next();
    const name = this.name('the function name');
    const params: S.TypedParam[] = [];
    if (this.k() !== Tok.LeftParen) this.errorHere("Expected '('.");
    else {
      this.openWith(Tok.RightParen);
      this.skipNewLines();
      while (this.k() === Tok.Identifier) {
        const param = this.identifier();
        const type = this.type(false);
        params.push({ kind: 'TypedParam', offset: param.offset, length: this.len(param.offset), name: param, type });
        this.skipNewLines();
        if (this.k() !== Tok.Comma) break;
        this.next();
        this.skipNewLines();
      }
      this.closeWith(Tok.RightParen);
    }
    const returnType = this.type(false);
    this.expect(Tok.Arrow, '=>');
    const body = this.lambdaBody();
    return { kind: 'FuncDecl', offset: s, length: this.len(s), decorators, name, params, returnType, body };
  }

  private importDecl(s: number, decorators: S.Decorator[]): S.ImportDecl | S.ExtensionDecl {
    // `import 'spec'` is the older spelling of `extension 'spec'`.
    if (this.kinds[this.p + 1] === Tok.StringComplete || this.kinds[this.p + 1] === Tok.StringLeft) return this.extension(s, decorators, 'import');
    this.next();
    let symbols: S.ImportedSymbol[] | undefined;
    let wildcardAlias: S.Identifier | undefined;
    if (this.k() === Tok.LeftBrace) {
      const list: S.ImportedSymbol[] = (symbols = []);
      this.next();
      this.items(Tok.RightBrace, List.Lines, () => {
        const start = this.start;
        const name = this.k() === Tok.Identifier ? this.identifier() : this.stringOr('Expected the name of an exported symbol.');
        if (name.kind === 'MissingExpr') return this.skipTo(ITEM_END);
        const alias = this.alias();
        list.push({ kind: 'ImportedSymbol', offset: start, length: this.len(start), name, alias });
      });
    } else if (this.k() === Tok.Asterisk) {
      this.next();
      wildcardAlias = this.alias() ?? (this.errorHere("Expected 'as' and a name."), undefined);
    } else this.errorHere("Expected '{' or '*'.");
    this.expectKeyword('from');
    const from = this.stringOr('Expected the path of the file to import from.');
    return { kind: 'ImportDecl', offset: s, length: this.len(s), decorators, symbols, wildcardAlias, from };
  }

  private alias(): S.Identifier | undefined {
    if (!this.isKeyword('as')) return undefined;
    this.next();
    return this.name('an alias');
  }

  private extension(s: number, decorators: S.Decorator[], keyword: S.ExtensionDecl['keyword']): S.ExtensionDecl {
    this.next();
    const specification = this.k() === Tok.Identifier ? this.identifier() : this.stringOr('Expected the extension name or specification.');
    const config = this.withClause();
    const alias = this.alias();
    return { kind: 'ExtensionDecl', offset: s, length: this.len(s), decorators, keyword, specification, config, alias };
  }

  private withClause(): S.Expr | undefined {
    if (!this.isKeyword('with')) return undefined;
    this.next();
    return this.k() === Tok.LeftBrace ? this.object(Flags.Complex) : (this.errorHere("Expected '{'."), this.missing());
  }

  private using(s: number): S.UsingDecl {
    this.next();
    let path: S.StringLit | S.MissingExpr | undefined;
    if (this.isKeyword('none')) this.next();
    else path = this.stringOr("Expected the path of the Bicep file, or 'none'.");
    const config = this.withClause();
    return { kind: 'UsingDecl', offset: s, length: this.len(s), path, config };
  }

  private extendsDecl(s: number): S.ExtendsDecl {
    this.next();
    const path = this.stringOr('Expected the path of the parameters file to extend.');
    return { kind: 'ExtendsDecl', offset: s, length: this.len(s), path };
  }

  private extensionConfig(s: number): S.ExtensionConfigDecl {
    this.next();
    const name = this.name('the extension alias');
    const config = this.withClause() ?? (this.errorHere("Expected 'with'."), this.missing());
    return { kind: 'ExtensionConfigDecl', offset: s, length: this.len(s), name, config };
  }

  private assert(s: number, decorators: S.Decorator[]): S.AssertDecl {
    this.next();
    const name = this.name('the assertion name');
    this.expect(Tok.Assignment, '=');
    const value = this.expression(Flags.Complex);
    return { kind: 'AssertDecl', offset: s, length: this.len(s), decorators, name, value };
  }

  // ---- Pieces

  private identifier(): S.Identifier {
    const s = this.start;
    const name = this.tokenText();
    this.next();
    return { kind: 'Identifier', offset: s, length: name.length, name };
  }

  private name(what: string): S.Identifier {
    if (this.k() === Tok.Identifier) return this.identifier();
    this.errorHere(`Expected ${what}.`);
    return { kind: 'Identifier', offset: this.start, length: 0, name: '' };
  }

  private stringOr(message: string): S.StringLit | S.MissingExpr {
    if (this.k() === Tok.StringComplete || this.k() === Tok.StringLeft) return this.string();
    this.errorHere(message);
    return this.missing();
  }

  private string(): S.StringLit {
    const s = this.start;
    const multiline = (this.tokens.flags[this.p] & StringFlag.Multiline) !== 0;
    const segments = [stringPieceValue(this.text, this.tokens, this.p)];
    const expressions: S.Expr[] = [];
    const complete = this.k() === Tok.StringComplete;
    this.next();
    if (!complete) this.open[Tok.StringRight]++;
    while (!complete) {
      expressions.push(this.expression(Flags.None));
      if (this.k() !== Tok.StringMiddle && this.k() !== Tok.StringRight && this.k() !== Tok.NewLine && this.k() !== Tok.EOF) {
        this.errorHere('Unexpected text in the interpolation.');
        this.skipTo(LINE_END);
      }
      if (this.k() !== Tok.StringMiddle && this.k() !== Tok.StringRight) {
        // The lexer has reported the string unterminated.
        segments.push('');
        break;
      }
      segments.push(stringPieceValue(this.text, this.tokens, this.p));
      const kind = this.k();
      this.next();
      if (kind === Tok.StringRight) break;
    }
    if (!complete) this.open[Tok.StringRight]--;
    return { kind: 'StringLit', offset: s, length: this.len(s), segments, expressions, multiline };
  }

  /**
   * The elements of an object, array, argument list or import list, up to
   * `close`. Returns the offset of the closing bracket, or -1 when it is
   * missing.
   */
  private items(close: Tok, list: List, element: () => void): number {
    const args = list === List.Arguments;
    this.open[close]++;
    if (this.k() !== close) {
      this.skipNewLines();
      let expectElement = true;
      while (
        this.k() !== close &&
        !(CLOSERS[this.k()] && this.awaited(this.k())) &&
        this.k() !== Tok.EOF &&
        !(this.atDeclarationStart() && !(list === List.ResourceBody && this.isKeyword('resource') && this.bodyClosesLater()))
      ) {
        if (expectElement) {
          element();
          expectElement = false;
          continue;
        }
        if (this.k() === Tok.NewLine) {
          if (args && this.kinds[this.afterNewLines(this.p)] !== close) this.errorHere("Expected ','.");
          this.skipNewLines();
        } else if (this.k() === Tok.Comma) {
          this.next();
          if (this.k() === Tok.NewLine) {
            if (!args) this.errorHere("Unexpected new line after ','.");
            this.skipNewLines();
          }
          if (args && this.k() === close) this.errorHere("Expected an argument after ','.");
        } else {
          this.errorHere(args ? "Expected ',' or ')'." : 'Expected a new line or a comma.');
          this.skipTo(ITEM_END);
          continue;
        }
        expectElement = true;
      }
    }
    this.open[close]--;
    if (this.k() === close) {
      const at = this.start;
      this.next();
      return at;
    }
    this.errorHere(`Expected '${CLOSER_TEXT[close]}'.`);
    return -1;
  }

  // ---- Expressions

  private expression(flags: Flags): S.Expr {
    if (this.depth >= this.maxDepth) return this.tooDeep();
    this.depth++;
    let expression = this.binary(flags, 0);
    if (this.k() === Tok.Question || (this.k() === Tok.NewLine && this.kinds[this.afterNewLines(this.p)] === Tok.Question)) {
      this.skipNewLines();
      this.next();
      const whenTrue = this.expression(flags);
      if (this.k() === Tok.NewLine && this.kinds[this.afterNewLines(this.p)] === Tok.Colon) this.skipNewLines();
      this.expect(Tok.Colon, ':');
      const whenFalse = this.expression(flags);
      const s = expression.offset;
      expression = { kind: 'TernaryExpr', offset: s, length: this.len(s), condition: expression, whenTrue, whenFalse };
    }
    this.depth--;
    return expression;
  }

  private tooDeep(): S.MissingExpr {
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.errorHere(`Nested more than ${this.maxDepth} levels deep: the inner levels are not read.`);
    }
    const s = this.start;
    this.skipTo(ITEM_END);
    return { kind: 'MissingExpr', offset: s, length: this.len(s) };
  }

  private binary(flags: Flags, minPrecedence: number): S.Expr {
    let left = this.unary(flags);
    for (;;) {
      const kind = this.k();
      const precedence = PRECEDENCE[kind];
      if (precedence <= minPrecedence) return left;
      this.next();
      const right = this.binary(flags, precedence);
      const s = left.offset;
      left = { kind: 'BinaryExpr', offset: s, length: this.len(s), op: OPERATOR[kind], left, right };
    }
  }

  private unary(flags: Flags): S.Expr {
    const kind = this.k();
    if (kind !== Tok.Exclamation && kind !== Tok.Minus) return this.member(flags);
    const s = this.start;
    this.next();
    const operand = this.member(flags);
    return { kind: 'UnaryExpr', offset: s, length: this.len(s), op: kind === Tok.Minus ? '-' : '!', operand };
  }

  private member(flags: Flags): S.Expr {
    let e = this.primary(flags);
    if (e.kind === 'MissingExpr') return e;
    const s = e.offset;
    for (;;) {
      switch (this.k()) {
        case Tok.LeftSquare: {
          this.openWith(Tok.RightSquare);
          const safe = this.k() === Tok.Question;
          if (safe) this.next();
          const fromEnd = this.k() === Tok.Hat;
          if (fromEnd) this.next();
          let index: S.Expr;
          if (this.k() === Tok.RightSquare) {
            this.errorHere('Expected an index.');
            index = this.missing();
          } else index = this.expression(flags);
          this.closeWith(Tok.RightSquare);
          e = { kind: 'IndexExpr', offset: s, length: this.len(s), object: e, index, safe, fromEnd };
          break;
        }
        case Tok.Dot: {
          this.next();
          const safe = this.k() === Tok.Question;
          if (safe) this.next();
          const property = this.name('a property or function name');
          if (this.k() === Tok.LeftParen) {
            if (safe) this.error(property.offset, property.length, "A function cannot be called with '.?'.");
            e = this.call(e, property, flags);
          } else e = { kind: 'MemberExpr', offset: s, length: this.len(s), object: e, property, safe };
          break;
        }
        case Tok.DoubleColon: {
          this.next();
          const name = this.name('the name of a nested resource');
          e = { kind: 'ResourceAccessExpr', offset: s, length: this.len(s), object: e, name };
          break;
        }
        case Tok.Exclamation:
          this.next();
          e = { kind: 'NonNullExpr', offset: s, length: this.len(s), expression: e };
          break;
        default:
          return e;
      }
    }
  }

  private primary(flags: Flags): S.Expr {
    const s = this.start;
    switch (this.k()) {
      case Tok.Integer: {
        const value = Number(this.tokenText());
        this.next();
        return { kind: 'NumberLit', offset: s, length: this.len(s), value };
      }
      case Tok.True:
      case Tok.False: {
        const value = this.k() === Tok.True;
        this.next();
        return { kind: 'BoolLit', offset: s, length: this.len(s), value };
      }
      case Tok.Null:
        this.next();
        return { kind: 'NullLit', offset: s, length: this.len(s) };
      case Tok.StringComplete:
      case Tok.StringLeft:
        return this.string();
      case Tok.LeftBrace:
        this.complexAllowed(flags);
        return this.object(flags & ~Flags.Resources);
      case Tok.LeftSquare:
        this.complexAllowed(flags);
        return this.isKeyword('for', this.afterNewLines(this.p + 1)) ? this.forExpr(flags, false) : this.array();
      case Tok.LeftParen:
        return this.parenOrLambda(flags);
      case Tok.Identifier: {
        const name = this.identifier();
        if (this.k() === Tok.LeftParen) return this.call(undefined, name, flags);
        if (this.k() === Tok.Arrow) return this.lambda(s, [name]);
        return name;
      }
      default:
        this.errorHere('Expected an expression.');
        return this.missing();
    }
  }

  private complexAllowed(flags: Flags): void {
    if (!(flags & Flags.Complex)) this.errorHere('Objects and arrays are not allowed inside a string interpolation.');
  }

  private call(object: S.Expr | undefined, name: S.Identifier, flags: Flags): S.CallExpr {
    const s = object ? object.offset : name.offset;
    const args: S.Expr[] = [];
    this.next();
    this.items(Tok.RightParen, List.Arguments, () => args.push(this.expression(flags)));
    return { kind: 'CallExpr', offset: s, length: this.len(s), object, name, args };
  }

  private parenOrLambda(flags: Flags): S.Expr {
    const s = this.start;
    this.openWith(Tok.RightParen);
    this.skipNewLines();
    const items: S.Expr[] = [];
    while (this.k() !== Tok.RightParen && !CLOSERS[this.k()]) {
      items.push(this.expression(flags));
      this.skipNewLines();
      if (this.k() !== Tok.Comma) break;
      this.next();
      this.skipNewLines();
    }
    this.closeWith(Tok.RightParen);
    if (this.k() === Tok.Arrow) {
      const params: S.Identifier[] = [];
      for (const item of items) {
        if (item.kind === 'Identifier') params.push(item);
        else this.error(item.offset, item.length, 'Expected a parameter name.');
      }
      return this.lambda(s, params);
    }
    if (items.length !== 1) this.error(s, this.len(s), 'Expected exactly one expression inside the parentheses.');
    return { kind: 'ParenExpr', offset: s, length: this.len(s), expression: items[0] ?? this.missing() };
  }

  /** After the parameters, at `=>`. */
  private lambda(s: number, params: S.Identifier[]): S.LambdaExpr {
    this.next();
    const body = this.lambdaBody();
    return { kind: 'LambdaExpr', offset: s, length: this.len(s), params, body };
  }

  private lambdaBody(): S.Expr {
    // The body may start on the next line, unless that line is a declaration of its own.
    const after = this.afterNewLines(this.p);
    if (!(this.kinds[after] === Tok.Identifier && DECLARATION_KEYWORDS.has(this.tokenText(after)))) this.skipNewLines();
    return this.expression(Flags.Complex);
  }

  private object(flags: Flags): S.ObjectExpr {
    const s = this.start;
    const properties: S.ObjectMember[] = [];
    this.next();
    const closeOffset = this.items(Tok.RightBrace, flags & Flags.Resources ? List.ResourceBody : List.Lines, () => {
      const start = this.start;
      const decorators = this.decorators();
      if (flags & Flags.Resources && this.isKeyword('resource') && this.kinds[this.p + 1] === Tok.Identifier) {
        properties.push(this.resource(start, decorators));
        return;
      }
      if (this.k() === Tok.Ellipsis) {
        properties.push(this.spread());
        return;
      }
      let key: S.Identifier | S.StringLit;
      if (this.k() === Tok.Identifier) key = this.identifier();
      else if (this.k() === Tok.StringComplete || this.k() === Tok.StringLeft) key = this.string();
      else {
        this.errorHere('Expected a property name.');
        this.skipTo(PROPERTY_VALUE);
        if (this.k() !== Tok.Colon) return;
        key = { kind: 'Identifier', offset: this.start, length: 0, name: '' };
      }
      let value: S.Expr;
      if (this.expect(Tok.Colon, ':')) value = this.expression(Flags.Complex);
      else {
        value = this.missing();
        this.skipTo(ITEM_END);
      }
      properties.push({ kind: 'ObjectProperty', offset: start, length: this.len(start), decorators, key, value });
    });
    return { kind: 'ObjectExpr', offset: s, length: this.len(s), properties, closeOffset };
  }

  private spread(): S.SpreadExpr {
    const s = this.start;
    this.next();
    const expression = this.expression(Flags.Complex);
    return { kind: 'SpreadExpr', offset: s, length: this.len(s), expression };
  }

  private array(): S.ArrayExpr {
    const s = this.start;
    const items: (S.Expr | S.SpreadExpr)[] = [];
    this.next();
    const closeOffset = this.items(Tok.RightSquare, List.Lines, () => {
      const item = this.k() === Tok.Ellipsis ? this.spread() : this.expression(Flags.Complex);
      if (item.length > 0 || item.kind !== 'MissingExpr') items.push(item);
    });
    return { kind: 'ArrayExpr', offset: s, length: this.len(s), items, closeOffset };
  }

  /** `[for …]`; in a resource or module (`resourceBody`) the body is an object or an `if`. */
  private forExpr(flags: Flags, resourceBody: boolean): S.ForExpr {
    const s = this.start;
    this.openWith(Tok.RightSquare);
    this.skipNewLines();
    this.expectKeyword('for');
    let item: S.Identifier | undefined;
    let index: S.Identifier | undefined;
    if (this.k() === Tok.Identifier) item = this.identifier();
    else if (this.k() === Tok.LeftParen) {
      this.openWith(Tok.RightParen);
      item = this.name('the loop item name');
      if (this.expect(Tok.Comma, ',')) index = this.name('the loop index name');
      this.closeWith(Tok.RightParen);
    } else this.errorHere('Expected the loop item name.');
    this.expectKeyword('in');
    const iterable = this.expression(Flags.Complex);
    this.expect(Tok.Colon, ':');
    let body: S.Expr;
    if (!resourceBody) body = this.expression(flags | Flags.Complex);
    else if (this.isKeyword('if')) body = this.ifExpr(flags);
    else if (this.k() === Tok.LeftBrace) body = this.object(flags);
    else {
      this.errorHere("Expected '{' or 'if'.");
      body = this.missing();
    }
    this.skipNewLines();
    if (this.k() !== Tok.RightSquare) {
      this.errorHere("Expected ']'.");
      this.skipTo(LINE_END);
    }
    this.open[Tok.RightSquare]--;
    if (this.k() === Tok.RightSquare) this.next();
    return { kind: 'ForExpr', offset: s, length: this.len(s), item, index, iterable, body };
  }

  private ifExpr(flags: Flags): S.IfExpr {
    const s = this.start;
    this.next();
    let condition: S.Expr;
    if (this.k() === Tok.LeftParen) {
      this.openWith(Tok.RightParen);
      this.skipNewLines();
      condition = this.expression(flags & ~Flags.Resources);
      this.skipNewLines();
      this.closeWith(Tok.RightParen);
    } else {
      this.errorHere("Expected '('.");
      condition = this.missing();
      this.skipTo(IF_BODY);
    }
    const body = this.k() === Tok.LeftBrace ? this.object(flags) : (this.errorHere("Expected '{'."), this.missing());
    return { kind: 'IfExpr', offset: s, length: this.len(s), condition, body };
  }

  // ---- Types

  /** A type, or `resource 'type@version'` (whose type string an output may leave out). */
  private type(typeOptional: boolean): S.TypeExpr {
    if (!this.isKeyword('resource') || this.kinds[this.p + 1] === Tok.Less) return this.typeExpr();
    const s = this.start;
    this.next();
    const type = typeOptional && this.k() !== Tok.StringComplete && this.k() !== Tok.StringLeft ? undefined : this.stringOr('Expected the resource type string.');
    return { kind: 'ResourceTypeRef', offset: s, length: this.len(s), type };
  }

  private typeExpr(): S.TypeExpr {
    if (this.depth >= this.maxDepth) return this.tooDeep();
    this.depth++;
    const s = this.start;
    // A union may begin with `|`, written on a line of its own.
    const leading = this.unionSeparator();
    if (leading) {
      this.skipNewLines();
      this.next();
    }
    let type = this.unaryType();
    if (leading || this.unionSeparator()) {
      const members = [type];
      while (this.unionSeparator()) {
        this.skipNewLines();
        this.next();
        if (this.k() === Tok.NewLine || this.k() === Tok.EOF) {
          this.errorHere('Expected a type.');
          members.push(this.missing());
        } else members.push(this.unaryType());
      }
      type = { kind: 'UnionType', offset: s, length: this.len(s), members };
    }
    this.depth--;
    return type;
  }

  private unionSeparator(): boolean {
    return this.k() === Tok.Pipe || (this.k() === Tok.NewLine && this.kinds[this.afterNewLines(this.p)] === Tok.Pipe);
  }

  private unaryType(): S.TypeExpr {
    const s = this.start;
    let type: S.TypeExpr;
    const kind = this.k();
    if (kind === Tok.Minus || kind === Tok.Exclamation) {
      this.next();
      // Only a literal may follow, which is an expression as much as a type.
      const operand = this.memberType() as S.Expr;
      type = { kind: 'UnaryExpr', offset: s, length: this.len(s), op: kind === Tok.Minus ? '-' : '!', operand };
    } else type = this.memberType();
    for (;;) {
      if (this.k() === Tok.Question) {
        this.next();
        type = { kind: 'NullableType', offset: s, length: this.len(s), type };
      } else if (this.k() === Tok.Exclamation) {
        this.next();
        type = { kind: 'NonNullableType', offset: s, length: this.len(s), type };
      } else return type;
    }
  }

  private memberType(): S.TypeExpr {
    let type = this.primaryType();
    if (type.kind === 'MissingExpr') return type;
    const s = type.offset;
    for (;;) {
      if (this.k() === Tok.LeftSquare) {
        this.openWith(Tok.RightSquare);
        if (this.k() === Tok.RightSquare) {
          this.closeWith(Tok.RightSquare);
          type = { kind: 'ArrayType', offset: s, length: this.len(s), element: type };
          continue;
        }
        let index: S.Expr | '*' = '*';
        if (this.k() === Tok.Asterisk) this.next();
        else index = this.expression(Flags.None);
        this.closeWith(Tok.RightSquare);
        type = { kind: 'TypeIndexAccess', offset: s, length: this.len(s), object: type, index };
      } else if (this.k() === Tok.Dot) {
        this.next();
        if (this.k() === Tok.Asterisk) {
          this.next();
          type = { kind: 'TypePropertyAccess', offset: s, length: this.len(s), object: type, property: '*' };
          continue;
        }
        const property = this.name('a property name');
        type =
          this.k() === Tok.Less
            ? this.parameterizedType(type, property)
            : { kind: 'TypePropertyAccess', offset: s, length: this.len(s), object: type, property };
      } else return type;
    }
  }

  private primaryType(): S.TypeExpr {
    const s = this.start;
    switch (this.k()) {
      case Tok.Integer:
      case Tok.True:
      case Tok.False:
      case Tok.Null:
      case Tok.StringComplete:
      case Tok.StringLeft:
        return this.primary(Flags.None) as S.TypeExpr;
      case Tok.LeftBrace:
        return this.objectType();
      case Tok.LeftSquare:
        return this.tupleType();
      case Tok.LeftParen: {
        this.openWith(Tok.RightParen);
        const type = this.typeExpr();
        this.closeWith(Tok.RightParen);
        return { kind: 'ParenType', offset: s, length: this.len(s), type };
      }
      case Tok.Identifier: {
        const name = this.identifier();
        return this.k() === Tok.Less ? this.parameterizedType(undefined, name) : name;
      }
      default:
        this.errorHere('Expected a type.');
        return this.missing();
    }
  }

  /** `name<args>`, at `<`. */
  private parameterizedType(object: S.TypeExpr | undefined, name: S.Identifier): S.ParameterizedType {
    const s = object ? object.offset : name.offset;
    const args: S.TypeExpr[] = [];
    this.next();
    this.items(Tok.Greater, List.Arguments, () => args.push(this.typeExpr()));
    return { kind: 'ParameterizedType', offset: s, length: this.len(s), object, name, args };
  }

  private objectType(): S.ObjectType {
    const s = this.start;
    const properties: S.ObjectTypeProperty[] = [];
    this.next();
    const closeOffset = this.items(Tok.RightBrace, List.Lines, () => {
      const start = this.start;
      const decorators = this.decorators();
      let key: S.ObjectTypeProperty['key'];
      if (this.k() === Tok.Identifier) key = this.identifier();
      else if (this.k() === Tok.StringComplete || this.k() === Tok.StringLeft) key = this.string();
      else if (this.k() === Tok.Asterisk) {
        this.next();
        key = '*';
      } else {
        this.errorHere('Expected a property name.');
        this.skipTo(ITEM_END);
        return;
      }
      const value = this.expect(Tok.Colon, ':') ? this.typeExpr() : this.missing();
      properties.push({ kind: 'ObjectTypeProperty', offset: start, length: this.len(start), decorators, key, value });
    });
    return { kind: 'ObjectType', offset: s, length: this.len(s), properties, closeOffset };
  }

  private tupleType(): S.TupleType {
    const s = this.start;
    const items: S.TupleTypeItem[] = [];
    this.next();
    const closeOffset = this.items(Tok.RightSquare, List.Lines, () => {
      const start = this.start;
      const decorators = this.decorators();
      const type = this.typeExpr();
      items.push({ kind: 'TupleTypeItem', offset: start, length: this.len(start), decorators, type });
    });
    return { kind: 'TupleType', offset: s, length: this.len(s), items, closeOffset };
  }
}
