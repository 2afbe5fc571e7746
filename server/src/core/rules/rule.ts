/**
 * What a rule is: an id from the catalog, a one-sentence description, a
 * default severity, the sources it reads, message templates, and a check
 * that walks the model and reports. No severity lookup, no I/O, no editor
 * types here: the engine applies configuration and suppressions afterwards.
 */
import type { Cloud } from '../clouds';
import type { Claim } from '../findings';
import type { FixProposal, FixSafety } from '../fixes/edits';
import type { Model, Resource, SourceKind } from '../model/resource';
import type { Loc } from '../model/values';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedReport {
  at: Loc;
  message: string;
}

export interface Report {
  at: Loc;
  messageId: string;
  data?: Record<string, string | number>;
  /** A severity other than the rule's default for this finding (duplicates are `info`, say). */
  severity?: Severity;
  related?: RelatedReport[];
  fixes?: FixProposal[];
  /** What the finding says of the deployment (see `Claim`), made with `claim`. */
  claims?: Claim[];
}

export interface RuleContext {
  readonly model: Model;
  readonly cloud: Cloud;
  report(report: Report): void;
  /** Whether a span covers more than one line (findings prefer one-line places). */
  spansLines(loc: Loc): boolean;
}

export interface Rule {
  id: string;
  description: string;
  severity: Severity;
  /** The sources that can express what the rule checks. */
  sources: readonly SourceKind[];
  /**
   * The kinds of the fixes the catalog names for the rule (offered where the value it needs is known): none, or
   * safe ones (`--fix` and fix-all apply them), or unsafe ones (applied only on request).
   */
  fixes: readonly FixSafety[];
  /** Message templates: `{name}` is replaced by `data.name`. */
  messages: Readonly<Record<string, string>>;
  check(ctx: RuleContext): void;
}

/**
 * Calls `checkOne` for each resource of a type declared with its properties
 * (not `existing`). Rules check resources one at a time through here rather
 * than in a loop of their own: a check is entered once per analysis, so a
 * loop over thousands of hubs in its body runs unoptimized while V8 compiles
 * the whole check again for that loop (on-stack replacement, 30–100 ms of
 * compiling per rule) at every analysis; a function called once per resource
 * is compiled once, and this loop, shared by every rule, calls it.
 */
export function eachDeclared(ctx: RuleContext, type: string, checkOne: (resource: Resource) => void): void {
  const resources = ctx.model.declared(type);
  for (let i = 0; i < resources.length; i++) checkOne(resources[i]);
}

/** The facts findings claim, each of one place. */
export type Fact =
  /** The built-in Event Hub-compatible endpoint of a hub receives device messages (of the hub). */
  | 'builtin-endpoint-receives'
  /** An endpoint or file upload of a hub can deliver where it sends (of the endpoint). */
  | 'endpoint-delivers';

/** A claim that a fact holds, or does not, of the thing written at `at`. */
export function claim(fact: Fact, at: Loc, holds: boolean): Claim {
  return { about: `${fact}@${at.doc}:${at.offset}`, holds };
}

export const DOCS_BASE = 'https://github.com/iot-netlint/iot-netlint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  // A scan rather than a regular expression with a callback: thousands of findings are formatted per analysis.
  // The pieces are joined once at the end, into one flat string: a message built with `+=` is a chain of a dozen
  // string nodes that every finding keeps until it is printed.
  const pieces: string[] = [];
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (!/^\w+$/.test(name)) continue;
    const value = data?.[name];
    if (value === undefined) continue;
    pieces.push(template.slice(from, open), String(value));
    from = close + 1;
    open = close;
  }
  if (from === 0) return template;
  pieces.push(template.slice(from));
  return pieces.join('');
}
