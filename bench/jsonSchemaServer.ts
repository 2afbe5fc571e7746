/**
 * What VS Code runs for a JSON file with a schema today, for the latency
 * benchmark to compare against over the same transport: a language server on
 * vscode-languageserver that validates each change with
 * vscode-json-languageservice against the ARM deployment template schema and
 * publishes the result at once. Schemas are read from the folder given as the
 * first argument; those it lacks count as empty (their number goes to stderr).
 *
 *     node out/bench/jsonSchemaServer.js <schemas folder> --stdio
 */
import * as fs from 'fs';
import * as path from 'path';
import { getLanguageService, TextDocument as JsonTextDocument } from 'vscode-json-languageservice';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json';
const SCHEMA_HOST = /^https:\/\/schema\.management\.azure\.com\/schemas\//;

/** A schema request answered from a local copy of azure-resource-manager-schemas. */
export function localSchemas(folder: string): { read: (uri: string) => Promise<string>; found: number; missing: number } {
  const counts = {
    found: 0,
    missing: 0,
    read: async (uri: string) => {
      const local = path.join(folder, uri.replace(SCHEMA_HOST, '').replace(/#.*$/, ''));
      if (fs.existsSync(local)) {
        counts.found++;
        return fs.readFileSync(local, 'utf8');
      }
      counts.missing++;
      return '{}';
    },
  };
  return counts;
}

function main(): void {
  const schemas = localSchemas(process.argv[2]);
  const service = getLanguageService({ schemaRequestService: schemas.read });
  service.configure({ validate: true, schemas: [{ uri: TEMPLATE_SCHEMA, fileMatch: ['*.json'] }] });
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
  documents.onDidChangeContent(async (e) => {
    const { uri, version } = e.document;
    const document = JsonTextDocument.create(uri, 'json', version, e.document.getText());
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error' });
    // A newer version supersedes this one: its own validation publishes.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
    if (version === 1) connection.console.log(`schemas read: ${schemas.found}; missing, validated as empty: ${schemas.missing}`);
  });
  documents.listen(connection);
  connection.listen();
}

if (require.main === module) main();
