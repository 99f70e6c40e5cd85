import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import type { ApiError } from '../../shared/api/result.ts';
import { REPO_ROOT, tempDir } from './paths.ts';

process.env['REGISTRY_QUIET'] = '1';

/** A real backend on a real SQLite file in a fresh temp folder. */
export async function freshBackend(): Promise<Backend> {
  return createBackend({ dataDir: tempDir(), appRoot: REPO_ROOT, host: 'cli', checkOutputs: true });
}

/** Calls a method and returns its value, failing the test with the clerk's message otherwise. */
export async function callOk<T = unknown>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Calls a method that must fail, and returns its error. */
export async function callErr(backend: Backend, method: string, input: unknown): Promise<ApiError> {
  const result = await backend.call(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}
