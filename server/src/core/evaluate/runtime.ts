/**
 * Runtime properties whose shape is fixed by the service, so the analysis can
 * know them before deployment: a storage account's blob endpoint, an Event
 * Hubs namespace's host, the connection string `listKeys` returns for a
 * shared access rule. Each is documented by the service; none is guessed.
 */
import type { Cloud } from '../clouds';
import { ResourceRef } from '../model/ids';
import { joinValues, Loc, RuntimeValue, str, unknown, Value } from '../model/values';

const STORAGE_ENDPOINTS = new Set(['blob', 'queue', 'table', 'file', 'dfs']);

/** A name of the resource, its unknown pieces keeping their keys: a host built from a name made with `uniqueString()` is that name's host. */
function nameOf(v: Value | undefined): Value {
  return v ?? unknown();
}

/**
 * `value.segment` of a runtime value: the path extended, or what the path is
 * known to hold. Built field by field: it runs for every `.identity.principalId`
 * of a template, and a spread of values of several shapes is slow.
 */
export function extendRuntime(v: RuntimeValue, segment: string, loc: Loc | undefined, cloud: Cloud): Value {
  const extended: RuntimeValue = { kind: 'runtime', ref: v.ref, via: v.via, path: v.path.concat(segment), loc, origin: v.origin, input: v.input };
  return deriveRuntime(extended, cloud);
}

/** What the path of a runtime value is known to hold, or the value itself. */
function deriveRuntime(v: RuntimeValue, cloud: Cloud): Value {
  // Only a few short paths are known (below): the rest is returned before anything is lower-cased.
  const listKeys = v.via === 'listKeys';
  if (v.path.length > 3 || (!listKeys && v.path[0]?.toLowerCase() !== 'properties')) return v;
  const type = v.ref.type.toLowerCase();
  const path = v.path.map((p) => p.toLowerCase());
  const names = v.ref.names;
  const [first, second, third] = path;

  if (v.via !== 'listKeys' && first === 'properties') {
    if (type === 'microsoft.storage/storageaccounts' && second === 'primaryendpoints' && third && STORAGE_ENDPOINTS.has(third) && path.length === 3) {
      return joinValues([str('https://'), nameOf(names[0]), str(`.${third}.${cloud.storage}/`)], v.loc);
    }
    if ((type === 'microsoft.eventhub/namespaces' || type === 'microsoft.servicebus/namespaces') && second === 'servicebusendpoint' && path.length === 2) {
      return joinValues([str('https://'), nameOf(names[0]), str(`.${cloud.serviceBus}:443/`)], v.loc);
    }
    if (type === 'microsoft.documentdb/databaseaccounts' && second === 'documentendpoint' && path.length === 2) {
      return joinValues([str('https://'), nameOf(names[0]), str(`.${cloud.cosmosDb}:443/`)], v.loc);
    }
    if (type === 'microsoft.devices/iothubs' && second === 'hostname' && path.length === 2) {
      return joinValues([nameOf(names[0]), str(`.${cloud.iotHub}`)], v.loc);
    }
  }

  if (v.via === 'listKeys' && path.length === 1 && (first === 'primaryconnectionstring' || first === 'secondaryconnectionstring')) {
    const connection = sharedAccessConnectionString(v.ref, cloud);
    if (connection) return joinValues(connection, v.loc);
  }
  return v;
}

/** `Endpoint=sb://<ns>.servicebus.windows.net/;SharedAccessKeyName=<rule>;SharedAccessKey=…[;EntityPath=<entity>]`. */
function sharedAccessConnectionString(ref: ResourceRef, cloud: Cloud): Value[] | undefined {
  const segments = ref.type.toLowerCase().split('/');
  const namespaceType = segments.slice(0, 2).join('/');
  if (namespaceType !== 'microsoft.eventhub/namespaces' && namespaceType !== 'microsoft.servicebus/namespaces') return undefined;
  if (segments[segments.length - 1] !== 'authorizationrules') return undefined;
  const names = ref.names;
  const parts = [str('Endpoint=sb://'), nameOf(names[0]), str(`.${cloud.serviceBus}/;SharedAccessKeyName=`), nameOf(names[names.length - 1]), str(';SharedAccessKey='), unknown()];
  // A rule on an event hub, queue or topic adds the entity.
  if (segments.length === 4) parts.push(str(';EntityPath='), nameOf(names[1]));
  return parts;
}
