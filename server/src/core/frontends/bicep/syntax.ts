/**
 * The syntax tree of a Bicep (or Bicep parameters) file.
 *
 * Every node has a `kind`, and an `offset` and `length` in UTF-16 code units
 * into the text. A declaration's or property's span starts at its first
 * decorator. Where the parser expected something and found nothing, the tree
 * holds a `MissingExpr` (zero-length, or the span of the text it skipped), or
 * an `Identifier` whose name is '' and whose length is 0; the error itself
 * is in the document's `errors`.
 */
import type { SourceComment, SyntaxProblem } from '../../model/document';

export interface BicepDocument {
  program: Program;
  errors: SyntaxProblem[];
  /** `//` and `/* *\/` comments, their text without the delimiters. */
  comments: SourceComment[];
  /** `#disable-next-line …`, `#disable-diagnostics …` and `#restore-diagnostics …`, their text as written (with the `#`). */
  directives: SourceComment[];
}

interface NodeOf<K extends string> {
  kind: K;
  offset: number;
  length: number;
}

export interface Program extends NodeOf<'Program'> {
  statements: Statement[];
  /** See `declarationsBySymbol`: made when first asked for. */
  bySymbol?: Map<string, Statement[]>;
}

/**
 * The top-level statements that declare a symbol, by the symbol in lower
 * case (two spellings of one name collide), made once per parse: a report
 * of thousands of fixes that add declarations asks about each of them.
 */
export function declarationsBySymbol(program: Program): ReadonlyMap<string, readonly Statement[]> {
  if (!program.bySymbol) {
    const bySymbol = new Map<string, Statement[]>();
    for (const s of program.statements) {
      if (!('name' in s) || s.name.kind !== 'Identifier') continue;
      const key = s.name.name.toLowerCase();
      const list = bySymbol.get(key);
      if (list) list.push(s);
      else bySymbol.set(key, [s]);
    }
    program.bySymbol = bySymbol;
  }
  return program.bySymbol;
}

// ---- Statements

export type Statement =
  | TargetScopeDecl
  | MetadataDecl
  | ParamDecl
  | VarDecl
  | ResourceDecl
  | ModuleDecl
  | OutputDecl
  | TypeDecl
  | FuncDecl
  | ImportDecl
  | ExtensionDecl
  | UsingDecl
  | ExtendsDecl
  | ExtensionConfigDecl
  | TestDecl
  | AssertDecl
  | ErrorStatement;

export interface Decorator extends NodeOf<'Decorator'> {
  /** A call (`description('x')`, `sys.description('x')`), or a name or member access when written without parentheses. */
  expression: Expr;
}

export interface TargetScopeDecl extends NodeOf<'TargetScopeDecl'> {
  decorators: Decorator[];
  value: Expr;
}

export interface MetadataDecl extends NodeOf<'MetadataDecl'> {
  decorators: Decorator[];
  name: Identifier;
  value: Expr;
}

/** `param name type [= value]`; in a parameters file `param name = value` (no type). */
export interface ParamDecl extends NodeOf<'ParamDecl'> {
  decorators: Decorator[];
  name: Identifier;
  type?: TypeExpr;
  value?: Expr;
}

export interface VarDecl extends NodeOf<'VarDecl'> {
  decorators: Decorator[];
  name: Identifier;
  type?: TypeExpr;
  value: Expr;
}

/** `resource name 'Microsoft.X/y@version' [existing] = value`; value is an ObjectExpr, IfExpr or ForExpr. */
export interface ResourceDecl extends NodeOf<'ResourceDecl'> {
  decorators: Decorator[];
  name: Identifier;
  type: StringLit | MissingExpr;
  existing: boolean;
  value: Expr;
}

/** `module name 'path' = value`; value is an ObjectExpr, IfExpr or ForExpr. */
export interface ModuleDecl extends NodeOf<'ModuleDecl'> {
  decorators: Decorator[];
  name: Identifier;
  path: StringLit | MissingExpr;
  value: Expr;
}

export interface OutputDecl extends NodeOf<'OutputDecl'> {
  decorators: Decorator[];
  name: Identifier;
  type: TypeExpr;
  value: Expr;
}

export interface TypeDecl extends NodeOf<'TypeDecl'> {
  decorators: Decorator[];
  name: Identifier;
  value: TypeExpr;
}

/** `func name(a string, b int) string => body` */
export interface FuncDecl extends NodeOf<'FuncDecl'> {
  decorators: Decorator[];
  name: Identifier;
  params: TypedParam[];
  returnType: TypeExpr;
  body: Expr;
}

export interface TypedParam extends NodeOf<'TypedParam'> {
  name: Identifier;
  type: TypeExpr;
}

/** `import {a, b as c} from 'file'` or `import * as ns from 'file'`. */
export interface ImportDecl extends NodeOf<'ImportDecl'> {
  decorators: Decorator[];
  /** Undefined for a wildcard import. */
  symbols?: ImportedSymbol[];
  /** The alias of a wildcard import. */
  wildcardAlias?: Identifier;
  from: StringLit | MissingExpr;
}

export interface ImportedSymbol extends NodeOf<'ImportedSymbol'> {
  name: Identifier | StringLit;
  alias?: Identifier;
}

/** `extension x`, `extension 'spec' with {…} as alias`, and the older `import 'spec'` and `provider 'spec'`. */
export interface ExtensionDecl extends NodeOf<'ExtensionDecl'> {
  decorators: Decorator[];
  keyword: 'extension' | 'import' | 'provider';
  specification: Identifier | StringLit | MissingExpr;
  config?: Expr;
  alias?: Identifier;
}

/** Parameters files: `using 'main.bicep'` or `using none`, optionally `with {…}`. */
export interface UsingDecl extends NodeOf<'UsingDecl'> {
  /** Undefined for `using none`. */
  path?: StringLit | MissingExpr;
  config?: Expr;
}

/** Parameters files: `extends 'base.bicepparam'`. */
export interface ExtendsDecl extends NodeOf<'ExtendsDecl'> {
  path: StringLit | MissingExpr;
}

/** Parameters files: `extensionConfig alias with {…}`. */
export interface ExtensionConfigDecl extends NodeOf<'ExtensionConfigDecl'> {
  name: Identifier;
  config: Expr;
}

/** `test name 'path' = {…}` (the test framework). */
export interface TestDecl extends NodeOf<'TestDecl'> {
  decorators: Decorator[];
  name: Identifier;
  path: StringLit | MissingExpr;
  value: Expr;
}

export interface AssertDecl extends NodeOf<'AssertDecl'> {
  decorators: Decorator[];
  name: Identifier;
  value: Expr;
}

/** Text skipped where a declaration was expected. */
export type ErrorStatement = NodeOf<'ErrorStatement'>;

// ---- Expressions

export type Expr =
  | StringLit
  | NumberLit
  | BoolLit
  | NullLit
  | Identifier
  | ObjectExpr
  | ArrayExpr
  | CallExpr
  | MemberExpr
  | IndexExpr
  | ResourceAccessExpr
  | UnaryExpr
  | NonNullExpr
  | BinaryExpr
  | TernaryExpr
  | ParenExpr
  | LambdaExpr
  | ForExpr
  | IfExpr
  | MissingExpr;

/**
 * `'a${b}c'`: segments ['a', 'c'] (unescaped), expressions [b];
 * segments.length === expressions.length + 1. Multi-line strings
 * (`'''…'''`, or `$'''…${x}…'''` with interpolation) have no escapes, and
 * lose one line break right after the opening quotes.
 */
export interface StringLit extends NodeOf<'StringLit'> {
  segments: string[];
  expressions: Expr[];
  multiline: boolean;
}

/** Bicep has integers only; a literal past 2^53 loses precision here. */
export interface NumberLit extends NodeOf<'NumberLit'> {
  value: number;
}

export interface BoolLit extends NodeOf<'BoolLit'> {
  value: boolean;
}

export type NullLit = NodeOf<'NullLit'>;

export interface Identifier extends NodeOf<'Identifier'> {
  name: string;
}

/** `offset` is that of `{`; `closeOffset` that of `}`, or -1 when it is missing. */
export interface ObjectExpr extends NodeOf<'ObjectExpr'> {
  /** In source order; a resource body may hold nested resource declarations among its properties. */
  properties: ObjectMember[];
  closeOffset: number;
}

export type ObjectMember = ObjectProperty | SpreadExpr | ResourceDecl;

export interface ObjectProperty extends NodeOf<'ObjectProperty'> {
  decorators: Decorator[];
  key: Identifier | StringLit;
  value: Expr;
}

/** `...expr` in an object or array. */
export interface SpreadExpr extends NodeOf<'SpreadExpr'> {
  expression: Expr;
}

/** `offset` is that of `[`; `closeOffset` that of `]`, or -1 when it is missing. */
export interface ArrayExpr extends NodeOf<'ArrayExpr'> {
  items: (Expr | SpreadExpr)[];
  closeOffset: number;
}

/**
 * `name(args)`, or `object.name(args)`: a namespace (`az.resourceGroup()`,
 * `sys.concat()`) or an instance (`storage.listKeys()`), which are told
 * apart only by what the object names.
 */
export interface CallExpr extends NodeOf<'CallExpr'> {
  object?: Expr;
  name: Identifier;
  args: Expr[];
}

/** `object.property`, or `object.?property` (safe). */
export interface MemberExpr extends NodeOf<'MemberExpr'> {
  object: Expr;
  property: Identifier;
  safe: boolean;
}

/** `object[index]`; `[?index]` is safe; `[^index]` counts from the end. */
export interface IndexExpr extends NodeOf<'IndexExpr'> {
  object: Expr;
  index: Expr;
  safe: boolean;
  fromEnd: boolean;
}

/** `parent::child`: a nested resource of a resource. */
export interface ResourceAccessExpr extends NodeOf<'ResourceAccessExpr'> {
  object: Expr;
  name: Identifier;
}

export interface UnaryExpr extends NodeOf<'UnaryExpr'> {
  op: '!' | '-';
  operand: Expr;
}

/** `expr!` */
export interface NonNullExpr extends NodeOf<'NonNullExpr'> {
  expression: Expr;
}

export type BinaryOperator = '*' | '/' | '%' | '+' | '-' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '=~' | '!~' | '&&' | '||' | '??';

export interface BinaryExpr extends NodeOf<'BinaryExpr'> {
  op: BinaryOperator;
  left: Expr;
  right: Expr;
}

export interface TernaryExpr extends NodeOf<'TernaryExpr'> {
  condition: Expr;
  whenTrue: Expr;
  whenFalse: Expr;
}

export interface ParenExpr extends NodeOf<'ParenExpr'> {
  expression: Expr;
}

/** `x => body`, `(x, y) => body` */
export interface LambdaExpr extends NodeOf<'LambdaExpr'> {
  params: Identifier[];
  body: Expr;
}

/** `[for item in iterable: body]`, `[for (item, index) in iterable: body]`; body may be an IfExpr. */
export interface ForExpr extends NodeOf<'ForExpr'> {
  item?: Identifier;
  index?: Identifier;
  iterable: Expr;
  body: Expr;
}

/** `if (condition) body` as the value of a resource or module, or the body of its loop. */
export interface IfExpr extends NodeOf<'IfExpr'> {
  condition: Expr;
  body: Expr;
}

/** Where an expression (or type) was expected and none was found: zero-length, or the span of skipped text. */
export type MissingExpr = NodeOf<'MissingExpr'>;

// ---- Types (of params, outputs, type declarations and function signatures)

export type TypeExpr =
  | Identifier
  | StringLit
  | NumberLit
  | BoolLit
  | NullLit
  | UnaryExpr
  | ObjectType
  | TupleType
  | ArrayType
  | NullableType
  | NonNullableType
  | UnionType
  | ParenType
  | ResourceTypeRef
  | TypePropertyAccess
  | TypeIndexAccess
  | ParameterizedType
  | MissingExpr;

/** `{ name: type, …, *: type }`; `closeOffset` is -1 when `}` is missing. */
export interface ObjectType extends NodeOf<'ObjectType'> {
  properties: ObjectTypeProperty[];
  closeOffset: number;
}

/** `name: type`; a key of `*` types the additional properties. */
export interface ObjectTypeProperty extends NodeOf<'ObjectTypeProperty'> {
  decorators: Decorator[];
  key: Identifier | StringLit | '*';
  value: TypeExpr;
}

/** `[type, type]` */
export interface TupleType extends NodeOf<'TupleType'> {
  items: TupleTypeItem[];
  closeOffset: number;
}

export interface TupleTypeItem extends NodeOf<'TupleTypeItem'> {
  decorators: Decorator[];
  type: TypeExpr;
}

/** `type[]` */
export interface ArrayType extends NodeOf<'ArrayType'> {
  element: TypeExpr;
}

/** `type?` */
export interface NullableType extends NodeOf<'NullableType'> {
  type: TypeExpr;
}

/** `type!` */
export interface NonNullableType extends NodeOf<'NonNullableType'> {
  type: TypeExpr;
}

/** `'a' | 'b'` */
export interface UnionType extends NodeOf<'UnionType'> {
  members: TypeExpr[];
}

export interface ParenType extends NodeOf<'ParenType'> {
  type: TypeExpr;
}

/** `resource 'Microsoft.X/y@version'`; an output may leave the type out. */
export interface ResourceTypeRef extends NodeOf<'ResourceTypeRef'> {
  type?: StringLit | MissingExpr;
}

/** `type.property`; a property of '*' is `type.*` (the additional properties). */
export interface TypePropertyAccess extends NodeOf<'TypePropertyAccess'> {
  object: TypeExpr;
  property: Identifier | '*';
}

/** `type[0]`; an index of '*' is `type[*]` (the items). */
export interface TypeIndexAccess extends NodeOf<'TypeIndexAccess'> {
  object: TypeExpr;
  index: Expr | '*';
}

/** `resourceInput<'Microsoft.X/y@version'>`, `sys.resourceOutput<…>`. */
export interface ParameterizedType extends NodeOf<'ParameterizedType'> {
  object?: TypeExpr;
  name: Identifier;
  args: TypeExpr[];
}

export type Node =
  | Program
  | Statement
  | Decorator
  | TypedParam
  | ImportedSymbol
  | Expr
  | ObjectProperty
  | SpreadExpr
  | TypeExpr
  | ObjectTypeProperty
  | TupleTypeItem;

/** Calls `visit` on each direct child node of `node`, in source order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const key in node) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) visit(value);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).kind === 'string';
}
