/**
 * What differs between Azure clouds: DNS suffixes of the services this tool
 * checks, and what ARM's `environment()` returns there.
 */

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export interface Cloud {
  name: CloudName;
  storage: string;
  serviceBus: string;
  iotHub: string;
  kusto: string;
  cosmosDb: string;
  resourceManager: string;
  activeDirectory: string;
  keyVault: string;
  sqlServer: string;
}

export const CLOUDS: Record<CloudName, Cloud> = {
  AzureCloud: {
    name: 'AzureCloud',
    storage: 'core.windows.net',
    serviceBus: 'servicebus.windows.net',
    iotHub: 'azure-devices.net',
    kusto: 'kusto.windows.net',
    cosmosDb: 'documents.azure.com',
    resourceManager: 'https://management.azure.com/',
    activeDirectory: 'https://login.microsoftonline.com/',
    keyVault: '.vault.azure.net',
    sqlServer: '.database.windows.net',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    storage: 'core.chinacloudapi.cn',
    serviceBus: 'servicebus.chinacloudapi.cn',
    iotHub: 'azure-devices.cn',
    kusto: 'kusto.chinacloudapi.cn',
    cosmosDb: 'documents.azure.cn',
    resourceManager: 'https://management.chinacloudapi.cn/',
    activeDirectory: 'https://login.chinacloudapi.cn/',
    keyVault: '.vault.azure.cn',
    sqlServer: '.database.chinacloudapi.cn',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    storage: 'core.usgovcloudapi.net',
    serviceBus: 'servicebus.usgovcloudapi.net',
    iotHub: 'azure-devices.us',
    kusto: 'kusto.usgovcloudapi.net',
    cosmosDb: 'documents.azure.us',
    resourceManager: 'https://management.usgovcloudapi.net/',
    activeDirectory: 'https://login.microsoftonline.us/',
    keyVault: '.vault.usgovcloudapi.net',
    sqlServer: '.database.usgovcloudapi.net',
  },
};

export const ALL_CLOUDS: readonly Cloud[] = Object.values(CLOUDS);

export function cloudNamed(name: string | undefined): Cloud | undefined {
  if (!name) return undefined;
  return ALL_CLOUDS.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

export const DEFAULT_CLOUD = CLOUDS.AzureCloud;
