/**
 * The engine: runs the rules on the model, then applies configuration
 * (levels, `off`), suppression comments, and turns fix proposals into lazy
 * text edits through the writer of each document's front-end.
 */
import type { Cloud } from './clouds';
import { Config, emptyConfig } from './config';
import { FixProposal, ModelEdit, originOf, TextEdit } from './fixes/edits';
import type { Writer } from './fixes/writer';
import { Claim, Finding, Fix, RelatedLocation, TOOL_FINDINGS } from './findings';
import type { SourceDocument } from './model/document';
import { displayValue, Model, Resource } from './model/resource';
import type { Loc } from './model/values';
import type { Report, Rule, Severity } from './rules/rule';
import { formatMessage } from './rules/rule';
import { readSuppressions, suppressing, Suppression, SuppressionUse, unusedDirectives } from './suppressions';
import { LineIndex } from './text/lines';

export interface EngineInput {
  documents: readonly SourceDocument[];
  resources: readonly Resource[];
  /** The file each resource was read for (see `Model`). */
  units?: ReadonlyMap<Resource, string>;
  cloud: Cloud;
  rules: readonly Rule[];
  writers: Readonly<Record<string, Writer>>;
  /** The configuration that applies to a document. */
  configFor?: (doc: string) => Config;
  /** Directives of iot-netlint's that suppress nothing are reported at this level; not at all when undefined. */
  unusedDirectives?: Severity;
}

export function runEngine(input: EngineInput): Finding[] {
  // The configuration of a document is looked up once per analysis, not once per finding.
  const configs = new Map<string, Config>();
  const configFor = (doc: string): Config => {
    let config = configs.get(doc);
    if (!config) configs.set(doc, (config = input.configFor ? input.configFor(doc) : emptyConfig()));
    return config;
  };
  const documents = new Map<string, SourceDocument>();
  for (const d of input.documents) if (!documents.has(d.id)) documents.set(d.id, d);
  // Lines of a document, made once: suppression comments and the findings they are checked against share them.
  const linesByDoc = new Map<string, LineIndex>();
  const linesOf = (doc: string): LineIndex => {
    let lines = linesByDoc.get(doc);
    if (!lines) linesByDoc.set(doc, (lines = new LineIndex(documents.get(doc)?.text ?? '')));
    return lines;
  };
  const suppressionsByDoc = new Map<string, Suppression[]>();
  const suppressionsOf = (doc: string): Suppression[] => {
    let s = suppressionsByDoc.get(doc);
    if (!s) {
      const d = documents.get(doc);
      s = d && d.comments.length ? readSuppressions(d.comments, () => linesOf(doc)) : [];
      suppressionsByDoc.set(doc, s);
    }
    return s;
  };
  const lineAt = (doc: string, offset: number): number => linesOf(doc).positionAt(offset).line;

  const spansLines = (loc: { doc: string; offset: number; length: number }): boolean => {
    const text = documents.get(loc.doc)?.text ?? '';
    const i = text.indexOf('\n', loc.offset);
    return i >= 0 && i < loc.offset + loc.length;
  };

  /**
   * Where a finding is shown: where it was found, unless that is in a template read from the module cache, which
   * is not the user's to edit; then at the module reference that brought the template in, with the place inside
   * it as related information.
   */
  const placeOf = (at: { doc: string; offset: number; length: number }): { at: { doc: string; offset: number; length: number }; inside?: RelatedLocation } => {
    const restoredFor = documents.get(at.doc)?.restoredFor;
    if (!restoredFor) return { at };
    const inside = { doc: at.doc, offset: at.offset, length: at.length, message: `Here, in registry module '${restoredFor.reference}' as restored in the module cache.` };
    return { at: restoredFor.at, inside };
  };

  const findings: Finding[] = [];
  const seen = new Map<string, Finding>();
  const use = new SuppressionUse();
  const accept = (finding: Finding, inside?: RelatedLocation) => {
    // One finding of a rule per place: the instances of a copy loop, a template linked twice or a list shared
    // by two hubs through a parameter are fixed in one place, and reported there once. Findings inside a
    // registry module, shown at its reference, stay apart by their place inside.
    const key = `${finding.ruleId}\u0000${finding.doc}\u0000${finding.offset}\u0000${finding.length}${inside ? `\u0000${inside.doc}\u0000${inside.offset}` : ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier instanceof RuleFinding && finding instanceof RuleFinding) earlier.agreeWith(finding);
      return;
    }
    const suppressions = suppressionsOf(finding.doc);
    if (suppressions.length) {
      const silencing = suppressing(suppressions, finding.ruleId, lineAt(finding.doc, finding.offset));
      for (const suppression of silencing) use.mark(suppression, finding.ruleId);
      if (silencing.length) return;
    }
    seen.set(key, finding);
    findings.push(finding);
  };

  const toolFinding = (ruleId: string, severity: Severity, message: string, at: { doc: string; offset: number; length: number }) => {
    // Read one by one: a place may be a view whose offset an incremental update moves (tapeLoc), not a plain object.
    const { at: shown, inside } = placeOf({ doc: at.doc, offset: at.offset, length: at.length });
    accept({ ruleId, severity, message, doc: shown.doc, offset: shown.offset, length: shown.length, related: inside ? [inside] : [], fixes: [] }, inside);
  };
  for (const doc of documents.values()) {
    for (const error of doc.syntaxErrors) toolFinding(TOOL_FINDINGS.syntaxError, 'error', error.message, { doc: doc.id, offset: error.offset, length: error.length });
    for (const part of doc.unread ?? []) toolFinding(TOOL_FINDINGS.fileSkipped, 'warning', part.message, part.at);
    for (const module of doc.notFollowed ?? []) {
      // Unlike the tool's other findings, this one is the configuration's to silence: a team may never restore modules.
      const level = configFor(module.at.doc).rules[TOOL_FINDINGS.moduleNotFollowed];
      if (level !== 'off') toolFinding(TOOL_FINDINGS.moduleNotFollowed, level ?? 'info', module.message, module.at);
    }
  }

  const model = new Model(input.resources, input.units);
  for (const rule of input.rules) {
    const report = (r: Report) => {
      const place = placeOf(r.at);
      const level = configFor(place.at.doc).rules[rule.id];
      if (level === 'off') return;
      const severity: Severity = level ?? r.severity ?? rule.severity;
      const template = rule.messages[r.messageId] ?? r.messageId;
      const related = (r.related ?? []).map((rel) => ({ doc: rel.at.doc, offset: rel.at.offset, length: rel.at.length, message: rel.message }));
      if (place.inside) related.unshift(place.inside);
      // What a finding claims is of the place it was found, wherever it is shown.
      accept(new RuleFinding(rule.id, severity, formatMessage(template, r.data), place.at, related, r.fixes ?? [], documents, input.writers, r.claims), place.inside);
    };
    try {
      rule.check({ model, cloud: input.cloud, report, spansLines });
    } catch (error) {
      // A rule that fails on some input must not take the others with it; the failure is reported where it can be seen.
      const first = input.documents[0];
      if (first) {
        accept({
          ruleId: rule.id,
          severity: 'info',
          message: `Rule ${rule.id} could not check this document: ${(error as Error).message}`,
          doc: first.id,
          offset: 0,
          length: 0,
          related: [],
          fixes: [],
        });
      }
    }
  }
  if (input.unusedDirectives) {
    const known = new Set<string>([...input.rules.map((r) => r.id), ...Object.values(TOOL_FINDINGS)]);
    for (const doc of documents.values()) {
      if (doc.comments.length) findings.push(...unusedDirectives(doc, suppressionsOf(doc.id), use, known, input.unusedDirectives));
    }
  }
  findings.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.offset - b.offset || a.ruleId.localeCompare(b.ruleId)));
  return findings;
}

/**
 * A rule's finding. Which of its proposed fixes a writer can apply is worked
 * out when first asked: an editor shows every finding on each keystroke but
 * asks for the fixes of the few under the cursor.
 */
class RuleFinding implements Finding {
  readonly doc: string;
  readonly offset: number;
  readonly length: number;
  private applicable: Fix[] | undefined;
  private written: string | undefined;

  constructor(
    readonly ruleId: string,
    readonly severity: Severity,
    readonly message: string,
    at: { doc: string; offset: number; length: number },
    readonly related: RelatedLocation[],
    private proposals: readonly FixProposal[],
    private readonly documents: Map<string, SourceDocument>,
    private readonly writers: Readonly<Record<string, Writer>>,
    readonly claims: readonly Claim[] | undefined,
  ) {
    this.doc = at.doc;
    this.offset = at.offset;
    this.length = at.length;
  }

  get fixes(): Fix[] {
    if (!this.applicable) {
      this.applicable = [];
      for (const proposal of this.proposals) {
        const fix = lazyFix(proposal, this.documents, this.writers);
        if (fix) this.applicable.push(fix);
      }
    }
    return this.applicable;
  }

  /**
   * The same finding reported again at this place (by another instance of a loop, another deployment of a
   * template): the text there is shared, so its fixes are kept only when they write the same for every report.
   * A fix that suits one hub of a loop (its own host name) would be wrong for the others.
   */
  agreeWith(other: RuleFinding): void {
    if (this.proposals.length === 0) return;
    if ((this.written ??= proposalsText(this.proposals)) === proposalsText(other.proposals)) return;
    this.proposals = [];
    this.applicable = undefined;
  }
}

/** What fix proposals write and where, as text: equal for proposals that make the same edits at the same places. */
function proposalsText(proposals: readonly FixProposal[]): string {
  let text = '';
  for (const proposal of proposals) {
    text += `${proposal.safety} ${proposal.title}\n`;
    for (const edit of proposal.edits) text += `${editText(edit)}\n`;
  }
  return text;
}

function editText(edit: ModelEdit): string {
  switch (edit.op) {
    case 'replace':
      return `replace ${spanText(edit.target.loc)} ${JSON.stringify(edit.value)}`;
    case 'set':
      return `set ${spanText(edit.object.loc)} ${edit.key} ${JSON.stringify(edit.value)}`;
    case 'remove':
      return `remove ${spanText(edit.object.loc)} ${edit.key}`;
    case 'append':
      return `append ${spanText(edit.array.loc)} ${JSON.stringify(edit.value)}`;
    case 'removeItem':
      return `removeItem ${spanText(edit.array.loc)} ${edit.index}`;
    case 'addRoleAssignment': {
      // Written from the declarations of the principal and the target (their symbols, their names as written).
      const { principal, identity, scope, role } = edit.assignment;
      const who = identity === 'system' ? 'system' : `${identity.type} ${identity.names.map(displayValue).join('/')}`;
      return `addRoleAssignment ${edit.container.doc} ${spanText(principal.loc)} ${who} ${spanText(scope.loc)} ${role.$roleDefinition}`;
    }
    case 'renameForRole':
      return `renameForRole ${spanText(edit.assignment.loc)} ${edit.change.from.guid} ${edit.change.to.guid}`;
  }
}

function spanText(loc: Loc | undefined): string {
  return loc ? `${loc.doc}:${loc.offset}+${loc.length}` : '?';
}

/** A fix whose text edits are computed on first use; undefined when no writer can write it. */
function lazyFix(proposal: FixProposal, documents: Map<string, SourceDocument>, writers: Readonly<Record<string, Writer>>): Fix | undefined {
  const byDoc = new Map<string, typeof proposal.edits>();
  for (const edit of proposal.edits) {
    const origin = originOf(edit);
    if (!origin) return undefined;
    // A value that depends on a parameter is the user's to change: no fix writes over it, even one that is null
    // (read as the property's absence, a null parameter is still written there: `routing: routing`).
    if (edit.op === 'set' && edit.object.raw(edit.key)?.input) return undefined;
    let list = byDoc.get(origin.doc);
    if (!list) byDoc.set(origin.doc, (list = []));
    list.push(edit);
  }
  const plan: Array<{ doc: SourceDocument; writer: Writer; edits: typeof proposal.edits }> = [];
  for (const [docId, edits] of byDoc) {
    const doc = documents.get(docId);
    const writer = writers[originOf(edits[0])!.writer];
    // Bicep's module cache is written by `bicep restore`, not by hand.
    if (!doc || doc.restoredFor || !writer || !edits.every((e) => originOf(e)!.writer === originOf(edits[0])!.writer) || !writer.canWrite(doc, edits)) return undefined;
    plan.push({ doc, writer, edits });
  }
  if (plan.length === 0) return undefined;
  let computed: TextEdit[] | undefined | null = null;
  return {
    title: proposal.title,
    safety: proposal.safety,
    get edits() {
      if (computed === null) {
        const all: TextEdit[] = [];
        computed = all;
        for (const step of plan) {
          const edits = step.writer.write(step.doc, step.edits);
          if (!edits) {
            computed = undefined;
            break;
          }
          all.push(...edits);
        }
      }
      return computed;
    },
  };
}
