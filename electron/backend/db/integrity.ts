import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
import type { DatabaseState } from '../../../shared/api/methods/database.ts';

/**
 * What the registry's file is in, told in the clerk's words. SQLite's own (English) findings go
 * to the log only; the clerk reads what happened, what the program did about it, and what to do.
 */

type Db = Database.Database;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export interface FileHeader {
  size: number;
  /** The first 16 bytes are SQLite's signature. */
  isSqlite: boolean;
  /** PRAGMA user_version as stored at offset 60 (the schema version of this program). */
  userVersion: number;
}

/** The file's size and database header, read as plain bytes: no SQLite connection, nothing written. */
export function readHeader(file: string): FileHeader {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    const isSqlite = read === HEADER_BYTES && header.subarray(0, 16).equals(SQLITE_MAGIC);
    return { size, isSqlite, userVersion: isSqlite ? header.readInt32BE(60) : 0 };
  } finally {
    fs.closeSync(fd);
  }
}

/** A non-empty write-ahead log beside the file may hold pages newer than the file's own header. */
export function hasWalContent(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

export type CheckKind = 'quick' | 'full';

/**
 * Runs `PRAGMA quick_check` (one pass, at every start) or `PRAGMA integrity_check` (also every
 * index against its table; on demand and on every backup). Returns SQLite's findings, [] when the
 * file is sound. A connection that cannot even read the file throws SQLITE_CORRUPT / NOTADB.
 */
export function runCheck(db: Db, kind: CheckKind, maxFindings = 50): string[] {
  const rows = db
    .prepare(`PRAGMA ${kind === 'quick' ? 'quick_check' : 'integrity_check'}(${Math.max(1, Math.trunc(maxFindings))})`)
    .pluck()
    .all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? [] : rows.map(String);
}

/** SQLite's codes that mean the bytes themselves are wrong (as opposed to a lock or a permission). */
export function isCorruptionError(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface DatabaseHealth {
  state: DatabaseState;
  /** For the clerk: what happened and what the program did. null when all is well. */
  message: string | null;
  /** SQLite's findings or error text, for the log and IT staff only. */
  details: string[];
}

export const HEALTHY: DatabaseHealth = { state: 'ok', message: null, details: [] };

const WHAT_TO_DO = '请恢复最近一次完好的备份（设置 › 备份与恢复，或命令行 restore）；如需帮助，请把数据文件夹中的 logs 文件夹交给信息技术人员。';

export function emptyFileHealth(): DatabaseHealth {
  return {
    state: 'empty',
    message:
      '数据库文件是空的（0 字节），可能是复制中断、磁盘已满或断电造成的。程序不会把它当作新的空白台账使用，也没有修改它。' +
      WHAT_TO_DO +
      '如果确实要从头建立新台账，请先把这个空文件移走，再启动程序。',
    details: ['database file has 0 bytes'],
  };
}

export function unreadableHealth(details: string[]): DatabaseHealth {
  return {
    state: 'unreadable',
    message: `数据库文件已损坏，无法读取（文件开头已不是有效的数据库格式）。程序没有修改它，也没有打开它。${WHAT_TO_DO}`,
    details,
  };
}

/** `findings`: quick_check's list; null when the check itself stopped on the damage (SQLITE_CORRUPT). */
export function damagedHealth(findings: string[] | null, error?: string): DatabaseHealth {
  const what = findings ? `完整性检查发现 ${findings.length >= 50 ? '至少 50' : findings.length} 处问题` : '完整性检查因文件损坏无法完成';
  return {
    state: 'damaged',
    message: `数据库文件已损坏：${what}。为防止损坏扩大，程序以只读方式打开它，不会写入任何内容；显示的数据可能不完整，部分内容可能无法读取。${WHAT_TO_DO}`,
    details: findings ?? [error ?? 'database disk image is malformed'],
  };
}

/** The clerk's report of an on-demand check (设置 › 备份与恢复 › 检查数据库, command line `check`). */
export function checkReport(findings: readonly string[], foreignKeyProblems: number): { ok: boolean; message: string } {
  if (findings.length === 0 && foreignKeyProblems === 0) return { ok: true, message: '数据库完好：完整性检查（integrity_check）没有发现任何问题。' };
  const parts: string[] = [];
  if (findings.length > 0) parts.push(`完整性检查发现 ${findings.length >= 50 ? '至少 50' : findings.length} 处损坏`);
  if (foreignKeyProblems > 0) parts.push(`${foreignKeyProblems} 条记录引用了不存在的记录`);
  return { ok: false, message: `数据库有问题：${parts.join('，')}。${WHAT_TO_DO}` };
}

/** Thrown by openDatabase for a file it must not write to. The backend then opens it read-only, if it can. */
export class DatabaseDamagedError extends AppError {
  readonly health: DatabaseHealth;

  constructor(health: DatabaseHealth) {
    super('DATABASE_DAMAGED', health.message ?? '数据库文件已损坏');
    this.name = 'DatabaseDamagedError';
    this.health = health;
  }
}

/**
 * Checks a database file without writing to it: the header as bytes, then a read-only connection
 * running quick_check or integrity_check. Used at start (before anything is switched or written),
 * by the command line's `check`, and on every backup before it is offered for restore.
 */
export function checkFile(file: string, kind: CheckKind): DatabaseHealth & { userVersion: number } {
  const header = readHeader(file);
  if (header.size === 0 && !hasWalContent(file)) return { ...emptyFileHealth(), userVersion: 0 };
  if (header.size > 0 && !header.isSqlite) return { ...unreadableHealth(['file does not start with the SQLite header']), userVersion: 0 };
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const findings = runCheck(db, kind);
    return { ...(findings.length === 0 ? HEALTHY : damagedHealth(findings)), userVersion };
  } catch (err) {
    if (!isCorruptionError(err)) throw err;
    // The header is SQLite's, but the pages the check needs are not: damaged (NOTADB: not a database at all).
    const message = (err as Error).message;
    const notADatabase = (err as { code?: unknown }).code === 'SQLITE_NOTADB';
    return { ...(notADatabase ? unreadableHealth([message]) : damagedHealth(null, message)), userVersion: 0 };
  } finally {
    db?.close();
  }
}
