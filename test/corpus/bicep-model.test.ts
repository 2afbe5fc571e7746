/**
 * The Bicep front-end against the Bicep compiler: next to many Bicep files of
 * the corpus lies the ARM template the compiler made from them (`main.json`).
 * Read by the Bicep front-end and that template by the ARM front-end, both
 * must give the same resources — the same types, and every name the compiled
 * template lets the analysis know is known from the Bicep too (the Bicep side
 * may know more: a `parent:` symbol names what the compiled expression hides).
 *
 * Left out of the comparison: module deployments themselves (the compiled
 * template has one `Microsoft.Resources/deployments` per module, the model
 * has the module's resources on both sides), `existing` references (the
 * compiled template drops them), and files whose modules come from a registry.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileSystemHost } from '../../server/src/node/fileHost';
import { analyzeProject } from '../../server/src/core/project';
import type { Resource } from '../../server/src/core/model/resource';
import { CORPUS, listFiles, requireCorpus } from '../support/paths';

/** Files whose difference has a reason outside the front-end. */
const EXPECTED_DIFFERENCES: Record<string, string> = {
  'bicep-conformance/baselines/Modules_CRLF/main.bicep': 'a module of it is an ARM template (child/modulec.json) that the corpus does not hold',
  'bicep-conformance/baselines/Extensions_CRLF/main.bicep': 'resources of a Bicep extension other than Azure, typed differently in the compiled template',
  'bicep-conformance/user_submitted/extensibility/aks/main.bicep': 'Kubernetes resources of the Bicep extension, typed with their version in the compiled template',
  'bicep-conformance/user_submitted/extensibility/microsoftGraph/main.bicep': 'Microsoft Graph resources of the Bicep extension, typed with their version in the compiled template',
  'templates/bicep-registry-modules/avm/ptn/network/private-link-private-dns-zones/main.bicep':
    'its zones loop over a list made with map() and a lambda, which Bicep unrolls but the compiled template calls through lambda(), which the evaluator of templates does not model: one zone and one link stand for its loops there',
};

const compared = (r: Resource) => !r.existing && r.type.toLowerCase() !== 'microsoft.resources/deployments';

function knownName(r: Resource): string | undefined {
  return r.names.every((n) => n.kind === 'string') ? r.names.map((n) => (n.kind === 'string' ? n.value.toLowerCase() : '')).join('/') : undefined;
}

describe('corpus: Bicep files give the resources of their compiled templates', function () {
  this.timeout(600000);
  before(function () {
    requireCorpus(this);
  });

  it('lowers each Bicep file beside its main.json to the same resource types and known names', () => {
    const host = fileSystemHost();
    const files = listFiles(CORPUS, (f) => path.basename(f) === 'main.bicep' && fs.existsSync(path.join(path.dirname(f), 'main.json')));
    const differing: string[] = [];
    let comparedFiles = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (/^\s*module\s+\S+\s+'(br|ts)[:/]/m.test(text)) continue;
      const relative = path.relative(CORPUS, file).split(path.sep).join('/');
      const compiled = path.join(path.dirname(file), 'main.json');
      const fromBicep = analyzeProject([{ id: file, text }], { host }).resources.filter(compared);
      const fromJson = analyzeProject([{ id: compiled, text: fs.readFileSync(compiled, 'utf8') }], { host }).resources.filter(compared);
      comparedFiles++;
      const types = (list: Resource[]) => list.map((r) => r.type.toLowerCase()).sort();
      const problems: string[] = [];
      if (types(fromBicep).join() !== types(fromJson).join()) problems.push(`types: bicep [${types(fromBicep)}], compiled [${types(fromJson)}]`);
      const bicepNames = new Set(fromBicep.map((r) => `${r.type.toLowerCase()} ${knownName(r)}`));
      for (const r of fromJson) {
        const name = knownName(r);
        if (name !== undefined && !bicepNames.has(`${r.type.toLowerCase()} ${name}`)) problems.push(`${r.type} '${name}' not found from the Bicep`);
      }
      if (problems.length && !EXPECTED_DIFFERENCES[relative]) differing.push(`${relative}: ${problems.join('; ')}`);
      if (!problems.length && EXPECTED_DIFFERENCES[relative]) differing.push(`${relative}: listed as differing, but agrees: remove it from EXPECTED_DIFFERENCES`);
    }
    assert.ok(comparedFiles > 200, `only ${comparedFiles} files compared`);
    assert.deepStrictEqual(differing, []);
  });
});
