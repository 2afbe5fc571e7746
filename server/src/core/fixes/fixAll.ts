/**
 * Fix-all (`--fix`, and fix-all on save in the editor): applies one fix of every fixable finding, in passes (a fix
 * can make another finding appear or go away), until nothing more applies. The fix is the finding's first safe one;
 * unsafe fixes are applied only when asked for (`--unsafe-fixes`), and then only where the finding has no safe one.
 * Alternative fixes of one finding are never applied together.
 * Fixes that touch the same place wait for the next pass, unless they insert
 * different things at one place (role assignments after a template's last
 * resource, hosts at the end of one allow list): those are written one after
 * the other, in the order of their findings. A pass that would leave a file
 * with new syntax errors is not kept for that file.
 */
import type { Finding, Fix } from '../findings';
import { applyTextEdits, TextEdit } from './edits';
import { parseJson } from '../json/parser';
import { parseBicep } from '../frontends/bicep/parser';
import { isBicepId, isBicepParamsId } from '../frontends/bicep/template';

const MAX_PASSES = 10;

export interface FixableFile {
  text: string;
}

export interface FixAllOptions {
  /** Unsafe fixes too, for findings that have no safe one. */
  unsafe?: boolean;
}

/** A fix fix-all applied, for the report of what it changed. */
export interface AppliedFix {
  ruleId: string;
  title: string;
  safety: Fix['safety'];
}

/** The fix fix-all applies to a finding: its first safe fix, or (when asked for) its first fix when none is safe. */
export function fixToApply(finding: Finding, options: FixAllOptions = {}): Fix | undefined {
  return finding.fixes.find((f) => f.safety === 'safe') ?? (options.unsafe ? finding.fixes[0] : undefined);
}

/** Runs passes of analysis and fixing over the files; returns, for each file whose text changed, the fixes applied to it. */
export function fixFiles(files: Map<string, FixableFile>, analyze: () => Finding[], options: FixAllOptions = {}): Map<string, AppliedFix[]> {
  const changed = new Map<string, AppliedFix[]>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const accepted = new Map<string, Taken>();
    for (const finding of analyze()) {
      const fix = fixToApply(finding, options);
      const edits = fix?.edits;
      if (!fix || !edits || edits.length === 0 || !edits.every((e) => files.has(e.doc))) continue;
      if (edits.some((e) => accepted.get(e.doc)?.conflicts(e))) continue;
      for (const e of edits) {
        let taken = accepted.get(e.doc);
        if (!taken) accepted.set(e.doc, (taken = new Taken()));
        taken.add(e);
      }
      // Reported with the file of its first edit, if that file's pass is kept.
      accepted.get(edits[0].doc)!.fixes.push({ ruleId: finding.ruleId, title: fix.title, safety: fix.safety });
    }
    let applied = false;
    for (const [doc, taken] of accepted) {
      const file = files.get(doc)!;
      const next = applyTextEdits(file.text, taken.edits);
      if (next === undefined || next === file.text) continue;
      if (syntaxErrorCount(doc, next) > syntaxErrorCount(doc, file.text)) continue;
      file.text = next;
      changed.set(doc, [...(changed.get(doc) ?? []), ...taken.fixes]);
      applied = true;
    }
    if (!applied) break;
  }
  return changed;
}

/** The syntax errors of a file, read in its own language. */
function syntaxErrorCount(id: string, text: string): number {
  return (isBicepId(id) || isBicepParamsId(id) ? parseBicep(text) : parseJson(text)).errors.length;
}

/**
 * The edits a pass took for one file, kept by place: a template with
 * thousands of fixes would otherwise compare each with all the others.
 *
 * Two edits conflict when their ranges overlap or meet: one of them waits for
 * the next pass. Insertions at one place that say what they add do not,
 * unless they add the same thing (a key twice, one item twice): the second
 * is then read again against the text the first made.
 */
class Taken {
  /** In the order they were taken: insertions at one place are written in that order. */
  readonly edits: TextEdit[] = [];
  /** The fixes the edits belong to. */
  readonly fixes: AppliedFix[] = [];
  /** The other edits, by offset: they neither overlap nor meet, so their ends are in order too. */
  private readonly spans: TextEdit[] = [];
  /** Insertions that say what they add, by place: the offsets in order, and what is added at each. */
  private readonly places: number[] = [];
  private readonly added = new Map<number, Set<string>>();

  conflicts(e: TextEdit): boolean {
    const end = e.offset + e.length;
    if (isNamedInsertion(e)) {
      if (this.added.get(e.offset)?.has(e.adds!)) return true;
    } else if (this.placeWithin(e.offset, end)) {
      return true;
    }
    // The first span that ends at or after this edit's start meets it if it starts by this edit's end.
    const first = upperBound(this.spans, (s) => s.offset + s.length < e.offset);
    return first < this.spans.length && this.spans[first].offset <= end;
  }

  add(e: TextEdit): void {
    this.edits.push(e);
    if (isNamedInsertion(e)) {
      let set = this.added.get(e.offset);
      if (!set) {
        this.added.set(e.offset, (set = new Set()));
        this.places.splice(upperBound(this.places, (p) => p <= e.offset), 0, e.offset);
      }
      set.add(e.adds!);
    } else {
      this.spans.splice(upperBound(this.spans, (s) => s.offset <= e.offset), 0, e);
    }
  }

  /** Whether some named insertion is at a place from `from` to `to`, both included. */
  private placeWithin(from: number, to: number): boolean {
    const i = upperBound(this.places, (p) => p < from);
    return i < this.places.length && this.places[i] <= to;
  }
}

function isNamedInsertion(e: TextEdit): boolean {
  return e.length === 0 && e.adds !== undefined;
}

/** The index of the first item of a sorted list for which `before` no longer holds. */
function upperBound<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
