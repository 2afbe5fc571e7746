import type { SourceDocument } from '../model/document';
import type { ModelEdit, TextEdit } from './edits';

/** Turns model edits into text edits in one front-end's syntax. */
export interface Writer {
  /** Whether every edit can be written (cheap: decides whether a fix is offered). */
  canWrite(doc: SourceDocument, edits: readonly ModelEdit[]): boolean;
  /** The text edits, or undefined when applying them would not leave a document that parses. */
  write(doc: SourceDocument, edits: readonly ModelEdit[]): TextEdit[] | undefined;
}
