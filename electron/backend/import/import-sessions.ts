import crypto from 'node:crypto';
import { AppError } from '../../../shared/api/errors.ts';
import type { BackendContext } from '../context.ts';
import type { FileState } from './check-file.ts';

/**
 * Checked files waiting in the preview, by check id, per backend: the 导入 page's list of checked
 * files, with the clerk's corrections, is read from here (import.sessions), so it survives a visit
 * to another page and a reload of the window. Held in memory only: a preview is work in progress,
 * and the staged file it came from can always be checked again. The oldest are dropped beyond a
 * bound, so a day of folder imports cannot exhaust memory.
 */

const MAX_FILES = 300;

const stores = new WeakMap<BackendContext, Map<string, FileState>>();

function storeOf(ctx: BackendContext): Map<string, FileState> {
  let store = stores.get(ctx);
  if (!store) stores.set(ctx, (store = new Map<string, FileState>()));
  return store;
}

const rounds = new WeakMap<BackendContext, number>();

/** A number for one check (a job over the files handed over together), increasing. */
export function nextCheckRound(ctx: BackendContext): number {
  const next = (rounds.get(ctx) ?? 0) + 1;
  rounds.set(ctx, next);
  return next;
}

export function newCheckId(): string {
  return crypto.randomBytes(12).toString('hex');
}

export function putSession(ctx: BackendContext, state: FileState): void {
  const store = storeOf(ctx);
  store.set(state.checkId, state);
  while (store.size > MAX_FILES) {
    const oldest = store.keys().next().value;
    if (oldest === undefined) break;
    store.delete(oldest);
  }
}

export function getSession(ctx: BackendContext, checkId: string): FileState {
  const state = storeOf(ctx).get(checkId);
  if (!state) throw new AppError('NOT_FOUND', '这个文件的检查结果已过期（程序重启或检查过太多文件），请重新选择文件检查。');
  return state;
}

/** The held files in the order they were checked. */
export function listSessions(ctx: BackendContext): FileState[] {
  return [...storeOf(ctx).values()];
}

/** The check's state, or undefined when it has expired. */
export function peekSession(ctx: BackendContext, checkId: string): FileState | undefined {
  return storeOf(ctx).get(checkId);
}

export function dropSession(ctx: BackendContext, checkId: string): void {
  storeOf(ctx).delete(checkId);
}

/** After a batch is undone, the preview it came from may be committed again. */
export function forgetCommit(ctx: BackendContext, batchId: number): void {
  for (const state of storeOf(ctx).values()) {
    if (state.committed?.batchId === batchId) state.committed = null;
  }
}
