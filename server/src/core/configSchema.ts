/** The JSON schema of `.iot-netlint.json`, made from the rule catalog so that the two cannot drift apart. */
import { LEVELS } from './config';
import { CONFIGURABLE_TOOL_FINDINGS, TOOL_FINDINGS_URL } from './findings';
import type { Rule } from './rules/rule';
import { docsUrl } from './rules/rule';

export function configSchema(rules: readonly Rule[]): object {
  const level = { type: 'string', enum: [...LEVELS] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/iot-netlint/iot-netlint/blob/main/server/schemas/iot-netlint.schema.json',
    title: 'iot-netlint configuration',
    description: 'Configuration of IoT Network Lint for Azure, found upward from each analysed file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'The level of each rule: error, warning, info, or off.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries([
          ...rules.map((r) => [r.id, { ...level, description: `${r.description} (default: ${r.severity})`, markdownDescription: `${r.description}\n\nDefault: \`${r.severity}\`. [Documentation](${docsUrl(r.id)})` }]),
          ...CONFIGURABLE_TOOL_FINDINGS.map((f) => [f.id, { ...level, description: `${f.description} (default: ${f.severity})`, markdownDescription: `${f.description}\n\nDefault: \`${f.severity}\`. [Documentation](${TOOL_FINDINGS_URL})` }]),
        ]),
      },
      cloud: {
        description: 'The Azure cloud the templates deploy to; decides the DNS suffixes the rules expect.',
        type: 'string',
        enum: ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment'],
      },
      maxFileSize: {
        description: 'Files larger than this many bytes are not analysed (default: 26214400, 25 MB).',
        type: 'number',
        exclusiveMinimum: 0,
      },
      ignore: {
        description:
          'Files and folders not analysed, as .gitignore patterns relative to this file\'s folder: `generated/` (a folder at any depth), `/infra/legacy` (anchored by a slash), `*.test.json`, `tests/**/*.json`.',
        type: 'array',
        items: { type: 'string', minLength: 1, not: { pattern: '^\\s*!' } },
      },
    },
  };
}
