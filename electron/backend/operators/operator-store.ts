import { AppError } from '../../../shared/api/errors.ts';
import type { OperatorEntry } from '../../../shared/api/methods/operators.ts';
import type { Db } from '../db/open-database.ts';

/** The operators table (migration 0006). Its writes run inside the callers' transactions. */

export interface OperatorRow {
  id: number;
  name: string;
  password_salt: Buffer | null;
  password_hash: Buffer | null;
}

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

function entry(row: OperatorRow): OperatorEntry {
  return { id: row.id, name: row.name, hasPassword: row.password_hash !== null };
}

function hasOperatorsTable(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'operators'`).get() !== undefined;
}

/** Every operator, by name. [] also for a (damaged, read-only) database from before operators existed. */
export function listOperators(db: Db): OperatorEntry[] {
  if (!hasOperatorsTable(db)) return [];
  return (db.prepare(`SELECT id, name, password_salt, password_hash FROM operators ORDER BY name, id`).all() as OperatorRow[]).map(entry);
}

export function operatorRow(db: Db, id: number): OperatorRow {
  const row = db.prepare(`SELECT id, name, password_salt, password_hash FROM operators WHERE id = ?`).get(id) as OperatorRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该操作员不存在，可能已被删除');
  return row;
}

function nameTaken(db: Db, name: string, exceptId: number | null): boolean {
  return db.prepare(`SELECT 1 FROM operators WHERE name = ? AND id IS NOT ?`).get(name, exceptId) !== undefined;
}

export function insertOperator(db: Db, name: string, password: PasswordHash | null): OperatorEntry {
  if (nameTaken(db, name, null)) throw new AppError('CONFLICT', `已有名为“${name}”的操作员`);
  const row = db
    .prepare(`INSERT INTO operators (name, password_salt, password_hash) VALUES (?, ?, ?) RETURNING id, name, password_salt, password_hash`)
    .get(name, password?.salt ?? null, password?.hash ?? null) as OperatorRow;
  return entry(row);
}

export function renameOperator(db: Db, id: number, name: string): void {
  if (nameTaken(db, name, id)) throw new AppError('CONFLICT', `已有名为“${name}”的操作员`);
  db.prepare(`UPDATE operators SET name = ? WHERE id = ?`).run(name, id);
}

export function setOperatorPassword(db: Db, id: number, password: PasswordHash | null): void {
  db.prepare(`UPDATE operators SET password_salt = ?, password_hash = ? WHERE id = ?`).run(password?.salt ?? null, password?.hash ?? null, id);
}

export function removeOperator(db: Db, id: number): void {
  db.prepare(`DELETE FROM operators WHERE id = ?`).run(id);
}

export function operatorEntry(db: Db, id: number): OperatorEntry {
  return entry(operatorRow(db, id));
}
