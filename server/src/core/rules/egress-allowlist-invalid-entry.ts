import { checkAllowListEntry, EntryProblem } from '../azure/hosts';
import { displayName, prop, Resource, TYPES } from '../model/resource';
import { asArray, asString } from '../model/values';
import { eachDeclared, Rule } from './rule';

const PROBLEM_TEXT: Record<EntryProblem, string> = {
  scheme: 'a scheme',
  path: 'a path',
  port: 'a port',
  whitespace: 'white space',
  wildcard: 'a wildcard (only exact host names are matched)',
  ip: 'an IP address (only host names are matched)',
  invalid: 'characters a host name cannot have',
};

export const rule: Rule = {
  id: 'egress-allowlist-invalid-entry',
  description: 'Entries of an egress allow list are bare host names: no scheme, path, port, white space, wildcard or IP address, and no duplicates.',
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    invalid: "allowedFqdnList entry '{entry}' of '{name}' has {problems}: it is compared as a bare host name and will match nothing.",
    duplicate: "allowedFqdnList entry '{entry}' of '{name}' repeats an earlier entry.",
  },
  check(ctx) {
    const checkOne = (resource: Resource) => {
      const list = prop(resource, 'properties.allowedFqdnList');
      const items = asArray(list);
      if (!items || list?.kind !== 'array') return;
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const entry = asString(item);
        if (entry === undefined) return;
        const key = entry.trim().toLowerCase();
        const { problems, bareHost } = checkAllowListEntry(entry);
        const duplicate = seen.has(key);
        // An entry that matches nothing is not the one a later entry repeats.
        if (problems.length === 0) seen.add(key);
        const at = item.loc ?? resource.nameLoc;
        if (problems.length > 0) {
          ctx.report({
            at,
            messageId: 'invalid',
            data: { entry, name: displayName(resource), problems: problems.map((p) => PROBLEM_TEXT[p]).join(' and ') },
            fixes: bareHost ? [{ title: `Replace with '${bareHost}'`, safety: 'safe', edits: [{ op: 'replace', target: item, value: bareHost }] }] : [],
          });
        } else if (duplicate) {
          ctx.report({
            at,
            messageId: 'duplicate',
            severity: 'info',
            data: { entry, name: displayName(resource) },
            fixes: [{ title: `Remove the duplicate '${entry}'`, safety: 'safe', edits: [{ op: 'removeItem', array: list, index }] }],
          });
        }
      });
    };
    eachDeclared(ctx, TYPES.hub, checkOne);
    eachDeclared(ctx, TYPES.cluster, checkOne);
  },
};
