import type { SourceDocument } from '../model/document';
import type { Resource } from '../model/resource';

/** What a front-end reads from one file: its resources, and every document it parsed on the way. */
export interface LoadResult {
  kind: 'template' | 'parameters' | 'other';
  resources: Resource[];
  /** The file itself first, then its parameters file and the files of its modules or linked templates. */
  documents: SourceDocument[];
}
