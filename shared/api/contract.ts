import { z } from 'zod';
import type { ApiClient } from './define.ts';
import { desktopMethods } from './methods/desktop.ts';
import { fileMethods } from './methods/files.ts';
import { catalogMethods } from './methods/catalog.ts';
import { databaseMethods } from './methods/database.ts';
import { certificateMethods } from './methods/certificates.ts';
import { historyMethods } from './methods/history.ts';
import { importMethods } from './methods/import.ts';
import { jobMethods } from './methods/jobs.ts';
import { operatorMethods } from './methods/operators.ts';
import { overviewMethods } from './methods/overview.ts';
import { personnelMethods } from './methods/personnel.ts';
import { reportMethods } from './methods/reports.ts';
import { rosterMethods } from './methods/rosters.ts';
import { searchMethods } from './methods/search.ts';
import { settingsMethods } from './methods/settings.ts';
import { systemMethods } from './methods/system.ts';
import { tableMethods } from './methods/tables.ts';
import { trainingMethods } from './methods/training.ts';
import { unitMethods } from './methods/units.ts';

// Validation messages the clerk may read are in Chinese, on both sides of the bridge.
z.config(z.locales.zhCN());

/**
 * Every method the UI can call. A feature adds one `…Methods` record in methods/ and one line
 * here; the backend's handler table must then cover it, or it does not compile.
 */
export const contract = {
  ...systemMethods,
  ...settingsMethods,
  ...unitMethods,
  ...overviewMethods,
  ...historyMethods,
  ...fileMethods,
  ...jobMethods,
  ...desktopMethods,
  ...personnelMethods,
  ...certificateMethods,
  ...trainingMethods,
  ...rosterMethods,
  ...catalogMethods,
  ...searchMethods,
  ...importMethods,
  ...databaseMethods,
  ...operatorMethods,
  ...reportMethods,
  ...tableMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What the renderer holds: one async function per method, each returning a Result. */
export type RegistryApi = ApiClient<Contract>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
