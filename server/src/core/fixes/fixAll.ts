/**
 * Fix-all (`--fix`, and fix-all on save in the editor): applies the first fix of every fixable finding, in passes (a fix
 * can make another finding appear or go away), until nothing more applies.
 * Fixes that touch the same place wait for the next pass, unless they insert
 * different things at one place (role assignments after a template's last
 * resource, hosts at the end of one allow list): those are written one after
 * the other, in the order of their findings. A pass that would leave a file
 * with new syntax errors is not kept for that file.
 */
import type { Finding } from '../findings';
import { applyTextEdits, TextEdit } from './edits';
import { parseJson } from '../json/parser';
import { parseBicep } from '../frontends/bicep/parser';
import { isBicepId, isBicepParamsId } from '../frontends/bicep/template';

const MAX_PASSES = 10;

export interface FixableFile {
  text: string;
}

/** Runs passes of analysis and fixing over the files; returns the paths whose text changed. */
export function fixFiles(files: Map<string, FixableFile>, analyze: () => Finding[]): Set<string> {
  const changed = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const accepted = new Map<string, TextEdit[]>();
    for (const finding of analyze()) {
      const edits = finding.fixes[0]?.edits;
      if (!edits || edits.length === 0 || !edits.every((e) => files.has(e.doc))) continue;
      if (edits.some((e) => (accepted.get(e.doc) ?? []).some((other) => conflict(e, other)))) continue;
      for (const e of edits) {
        const list = accepted.get(e.doc);
        if (list) list.push(e);
        else accepted.set(e.doc, [e]);
      }
    }
    let applied = false;
    for (const [doc, edits] of accepted) {
      const file = files.get(doc)!;
      const next = applyTextEdits(file.text, edits);
      if (next === undefined || next === file.text) continue;
      if (syntaxErrorCount(doc, next) > syntaxErrorCount(doc, file.text)) continue;
      file.text = next;
      changed.add(doc);
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
 * Two edits conflict when their ranges overlap or meet: one of them waits for
 * the next pass. Insertions at one place that say what they add do not,
 * unless they add the same thing (a key twice, one item twice): the second
 * is then read again against the text the first made.
 */
function conflict(a: TextEdit, b: TextEdit): boolean {
  if (a.length === 0 && b.length === 0 && a.offset === b.offset && a.adds !== undefined && b.adds !== undefined) return a.adds === b.adds;
  return a.offset <= b.offset + b.length && b.offset <= a.offset + a.length;
}
