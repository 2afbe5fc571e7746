import type { SourceDocument } from '../model/document';
import type { Resource } from '../model/resource';

/** What a front-end reads from one file: its resources, and every document it parsed on the way. */
export interface LoadResult {
  kind: 'template' | 'parameters' | 'other';
  resources: Resource[];
  /** The file itself first, then its parameters file and the files of its modules or linked templates. */
  documents: SourceDocument[];
  /**
   * Other files the result depends on, as they were read (undefined: absent): the bicepconfig.json files that
   * place registry modules, the files of modules that could not be read. A change to one reads the file again.
   */
  dependsOn?: ReadonlyArray<{ id: string; text: string | undefined }>;
  /**
   * The result for the file's next text, made from this one when the
   * front-end can (an editor's keystroke inside one value): what the edit
   * left alone is kept, with what the rules remembered of it. This result is
   * not to be used afterwards, whatever the answer; undefined means the file
   * must be read whole.
   */
  update?: (text: string) => LoadResult | undefined;
}
