import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
import type { Db } from './open-database.ts';

/**
 * Every change to registry data goes through a Writer inside runOperation: one transaction per
 * user action, each row's before and after image in change_log, so any operation (an edit, a
 * delete, a whole import) can be shown in a person's history and undone exactly.
 */

export const TRACKED_TABLES = [
  'units',
  'unit_aliases',
  'personnel',
  'certificates',
  'certificate_events',
  'exams',
  'training_records',
  'transfers',
  'inspection_items',
  'penalty_list_items',
  'list_publications',
  'catalog_duplicate_reviews',
] as const;
export type TrackedTable = (typeof TRACKED_TABLES)[number];

export type SqlValue = string | number | bigint | null;
export type RowImage = Record<string, SqlValue>;

export const OPERATION_KINDS = ['create', 'update', 'delete', 'lifecycle', 'import', 'undo', 'sample_data', 'other'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/**
 * Children deleted by ON DELETE CASCADE would vanish without a log line and could not be restored
 * by undo, so the Writer deletes them itself, first, through the log.
 */
const CHILDREN: Partial<Record<TrackedTable, ReadonlyArray<{ table: TrackedTable; column: string }>>> = {
  personnel: [
    { table: 'certificates', column: 'person_id' },
    { table: 'exams', column: 'person_id' },
    { table: 'training_records', column: 'person_id' },
    { table: 'transfers', column: 'person_id' },
  ],
  certificates: [{ table: 'certificate_events', column: 'certificate_id' }],
  units: [{ table: 'unit_aliases', column: 'unit_id' }],
};

function nowIso(): string {
  return new Date().toISOString();
}

const columnCache = new WeakMap<Db, Map<string, Set<string>>>();
const statementCache = new WeakMap<Db, Map<string, Statement>>();
const MAX_CACHED_STATEMENTS = 500;

/**
 * Compiled statements per connection, by SQL text. A bulk import writes hundreds of thousands of
 * rows through the Writer; compiling each statement afresh costs time and, until garbage
 * collection, memory. Only plain-mode statements are cached (no pluck/raw/expand). The write
 * functions' rule checks read through it too (cachedStatement): they run once per imported row.
 */
function statement(db: Db, sql: string): Statement {
  let perDb = statementCache.get(db);
  if (!perDb) {
    perDb = new Map();
    statementCache.set(db, perDb);
  }
  let stmt = perDb.get(sql);
  if (!stmt) {
    if (perDb.size >= MAX_CACHED_STATEMENTS) perDb.clear();
    stmt = db.prepare(sql);
    perDb.set(sql, stmt);
  }
  return stmt;
}

/** A compiled statement shared by every caller on this connection; never switch its mode (pluck, raw, expand). */
export function cachedStatement(db: Db, sql: string): Statement {
  return statement(db, sql);
}

function columnsOf(db: Db, table: TrackedTable): Set<string> {
  let perDb = columnCache.get(db);
  if (!perDb) {
    perDb = new Map();
    columnCache.set(db, perDb);
  }
  let cols = perDb.get(table);
  if (!cols) {
    const info = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
    cols = new Set(info.map((c) => c.name));
    perDb.set(table, cols);
  }
  return cols;
}

function assertTable(table: string): asserts table is TrackedTable {
  if (!(TRACKED_TABLES as readonly string[]).includes(table)) throw new Error(`Not a tracked table: ${table}`);
}

function assertColumns(db: Db, table: TrackedTable, keys: Iterable<string>): void {
  const cols = columnsOf(db, table);
  for (const key of keys) {
    if (!cols.has(key)) throw new Error(`Unknown column ${table}.${key}`);
  }
}

function sameImage(a: RowImage | undefined, b: RowImage | undefined): boolean {
  if (!a || !b) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

export class Writer {
  private changes = 0;

  readonly db: Db;
  readonly operationId: number;

  constructor(db: Db, operationId: number) {
    this.db = db;
    this.operationId = operationId;
  }

  get changeCount(): number {
    return this.changes;
  }

  get(table: TrackedTable, id: number): RowImage | undefined {
    assertTable(table);
    return statement(this.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as RowImage | undefined;
  }

  private log(table: TrackedTable, rowId: number, action: 'insert' | 'update' | 'delete', before: RowImage | undefined, after: RowImage | undefined): void {
    statement(this.db, `INSERT INTO change_log (operation_id, table_name, row_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)`).run(
      this.operationId,
      table,
      rowId,
      action,
      before ? JSON.stringify(before) : null,
      after ? JSON.stringify(after) : null,
    );
    this.changes += 1;
  }

  /** Inserts a row (an explicit `id` is kept: undo of a delete restores the same id). Returns its id. */
  insert(table: TrackedTable, values: RowImage): number {
    assertTable(table);
    const keys = Object.keys(values);
    assertColumns(this.db, table, keys);
    const sql = keys.length === 0 ? `INSERT INTO ${table} DEFAULT VALUES RETURNING *` : `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')}) RETURNING *`;
    const after = statement(this.db, sql).get(values) as RowImage;
    const id = Number(after['id']);
    this.log(table, id, 'insert', undefined, after);
    return id;
  }

  /** Applies `patch` to one row. Returns false (and logs nothing) when nothing would change. */
  update(table: TrackedTable, id: number, patch: RowImage): boolean {
    assertTable(table);
    const keys = Object.keys(patch).filter((k) => k !== 'id');
    assertColumns(this.db, table, keys);
    const before = this.get(table, id);
    if (!before) throw new AppError('NOT_FOUND', '要修改的记录不存在，可能已被删除');
    const changed = keys.filter((k) => before[k] !== patch[k]);
    if (changed.length === 0) return false;
    const sets = changed.map((k) => `${k} = @${k}`);
    if (columnsOf(this.db, table).has('updated_at') && !changed.includes('updated_at')) sets.push(`updated_at = @__now`);
    const params: Record<string, SqlValue> = { __id: id, __now: nowIso() };
    for (const k of changed) params[k] = patch[k] ?? null;
    const after = statement(this.db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @__id RETURNING *`).get(params) as RowImage;
    this.log(table, id, 'update', before, after);
    return true;
  }

  /** Deletes one row and, first, its dependent rows (see CHILDREN). */
  delete(table: TrackedTable, id: number): void {
    assertTable(table);
    const before = this.get(table, id);
    if (!before) throw new AppError('NOT_FOUND', '要删除的记录不存在，可能已被删除');
    for (const child of CHILDREN[table] ?? []) {
      const rows = statement(this.db, `SELECT id FROM ${child.table} WHERE ${child.column} = ? ORDER BY id DESC`).all(id) as { id: number }[];
      for (const row of rows) this.delete(child.table, row.id);
    }
    statement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    this.log(table, id, 'delete', before, undefined);
  }

  /** Undo support: puts a row back exactly as `image` (same id, same timestamps). */
  restore(table: TrackedTable, image: RowImage): void {
    const id = Number(image['id']);
    const current = this.get(table, id);
    const keys = Object.keys(image);
    assertColumns(this.db, table, keys);
    if (current) {
      const sets = keys.filter((k) => k !== 'id').map((k) => `${k} = @${k}`);
      const after = statement(this.db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id RETURNING *`).get(image) as RowImage;
      this.log(table, id, 'update', current, after);
    } else {
      const after = statement(this.db, `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')}) RETURNING *`).get(image) as RowImage;
      this.log(table, id, 'insert', undefined, after);
    }
  }

  /** Undo support: removes a row without touching its children (undo removes those itself, newest first). */
  remove(table: TrackedTable, id: number): void {
    const before = this.get(table, id);
    if (!before) return;
    statement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    this.log(table, id, 'delete', before, undefined);
  }
}

export interface OperationMeta {
  kind: OperationKind;
  summary: string;
  operator: string;
}

export interface OperationResult<T> {
  operationId: number | null;
  value: T;
}

/**
 * Runs `fn` in one transaction as one recorded operation. If `fn` changed nothing, the operation
 * record is dropped too, so the history shows only real changes.
 */
export function runOperation<T>(db: Db, meta: OperationMeta, fn: (writer: Writer) => T): OperationResult<T> {
  return db.transaction((): OperationResult<T> => {
    const info = db.prepare(`INSERT INTO operations (kind, summary, operator) VALUES (?, ?, ?)`).run(meta.kind, meta.summary, meta.operator);
    const operationId = Number(info.lastInsertRowid);
    const writer = new Writer(db, operationId);
    const value = fn(writer);
    if (writer.changeCount === 0 && meta.kind !== 'import') {
      db.prepare(`DELETE FROM operations WHERE id = ?`).run(operationId);
      return { operationId: null, value };
    }
    return { operationId, value };
  })();
}

interface ChangeRow {
  id: number;
  table_name: string;
  row_id: number;
  action: 'insert' | 'update' | 'delete';
  before_json: string | null;
  after_json: string | null;
}

interface OperationRow {
  id: number;
  kind: OperationKind;
  summary: string;
  undone_by: number | null;
}

/**
 * Reverts one operation, newest change first. Refuses (changing nothing) when a row it touched
 * was changed again afterwards: silently overwriting a later edit would lose the clerk's work.
 */
export function undoOperation(db: Db, operationId: number, operator: string): { operationId: number; summary: string } {
  return db.transaction(() => {
    const op = db.prepare(`SELECT id, kind, summary, undone_by FROM operations WHERE id = ?`).get(operationId) as OperationRow | undefined;
    if (!op) throw new AppError('NOT_FOUND', '要撤销的操作不存在');
    if (op.undone_by !== null) throw new AppError('CONFLICT', `操作“${op.summary}”已经撤销过了`);
    if (op.kind === 'sample_data') throw new AppError('RULE_VIOLATION', '示例数据的生成不能撤销');
    const changes = db.prepare(`SELECT id, table_name, row_id, action, before_json, after_json FROM change_log WHERE operation_id = ? ORDER BY id DESC`).all(operationId) as ChangeRow[];
    const summary = `撤销：${op.summary}`;
    const info = db.prepare(`INSERT INTO operations (kind, summary, operator, undoes) VALUES ('undo', ?, ?, ?)`).run(summary, operator, operationId);
    const undoId = Number(info.lastInsertRowid);
    const writer = new Writer(db, undoId);
    for (const change of changes) {
      const table = change.table_name;
      assertTable(table);
      const current = writer.get(table, change.row_id);
      const after = change.after_json ? (JSON.parse(change.after_json) as RowImage) : undefined;
      const before = change.before_json ? (JSON.parse(change.before_json) as RowImage) : undefined;
      if (!sameImage(current, after)) {
        throw new AppError('CONFLICT', `无法撤销“${op.summary}”：其中的记录此后又被修改或删除过。请先撤销之后的操作。`);
      }
      if (change.action === 'insert') writer.remove(table, change.row_id);
      else if (before) writer.restore(table, before);
    }
    db.prepare(`UPDATE operations SET undone_by = ? WHERE id = ?`).run(undoId, operationId);
    return { operationId: undoId, summary };
  })();
}
