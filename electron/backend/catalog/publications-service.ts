import { AppError } from '../../../shared/api/errors.ts';
import { normaliseDocNumber } from '../../../shared/domain/document-number.ts';
import type { PublicationRow, PublicationState, PublicationValues } from '../../../shared/api/methods/catalog.ts';
import { daysBetween } from '../../../shared/domain/dates.ts';
import { derivePublicationStatus, isPublicationExpiringSoon } from '../../../shared/domain/publication-status.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';
import { displayName, requireAgency } from './agency-lookup.ts';
import { toPublicationRow, type PublicationDbRow } from './catalog-rows.ts';

/**
 * The documents by which agencies published their catalog and lists. An agency's most recent
 * document decides its status (shared/domain/publication-status.ts, as on the overview).
 */

export function documentsByUnit(db: Db): Map<number, PublicationRow[]> {
  const rows = db.prepare(`SELECT * FROM list_publications ORDER BY unit_id, publish_date DESC, id DESC`).all() as PublicationDbRow[];
  const map = new Map<number, PublicationRow[]>();
  for (const r of rows) {
    const list = map.get(r.unit_id);
    if (list) list.push(toPublicationRow(r));
    else map.set(r.unit_id, [toPublicationRow(r)]);
  }
  return map;
}

export function publicationState(documents: readonly PublicationRow[] | undefined, today: string, warningDays: number): PublicationState {
  const latest = documents?.[0] ?? null;
  const dates = latest ? { publishDate: latest.publishDate, validTo: latest.validTo, revoked: latest.revoked } : null;
  return {
    status: derivePublicationStatus(dates, today),
    expiringSoon: isPublicationExpiringSoon(dates, today, warningDays),
    daysLeft: latest?.validTo ? daysBetween(today, latest.validTo) : null,
    latest,
  };
}

export interface AgencyRow {
  id: number;
  name: string;
  short_name: string | null;
}

/** Units that keep a catalog and lists, in the order of 单位管理. */
export function listAgencies(db: Db): AgencyRow[] {
  return db.prepare(`SELECT id, name, short_name FROM units WHERE keeps_inspection_lists = 1 ORDER BY sort_order, id`).all() as AgencyRow[];
}

export function listPublications(db: Db, today: string, warningDays: number) {
  const docs = documentsByUnit(db);
  return {
    today,
    warningDays,
    agencies: listAgencies(db).map((a) => ({
      unitId: a.id,
      name: a.name,
      shortName: a.short_name,
      publication: publicationState(docs.get(a.id), today, warningDays),
      documents: docs.get(a.id) ?? [],
    })),
  };
}

function toColumns(v: PublicationValues) {
  return {
    unit_id: v.unitId,
    doc_number: v.docNumber,
    title: v.title,
    publish_date: v.publishDate,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    revoked: v.revoked ? 1 : 0,
    notes: v.notes,
  };
}

function checkDates(v: PublicationValues): void {
  const from = v.validFrom ?? v.publishDate;
  if (v.validTo !== null && v.validTo < from) {
    throw new AppError('INVALID_INPUT', `有效期截止日期（${v.validTo}）早于${v.validFrom ? '有效期起始日期' : '发布日期'}（${from}），请检查`, [
      { path: 'validTo', message: '截止日期不能早于起始日期' },
    ]);
  }
}

function getPublication(db: Db, id: number): PublicationDbRow {
  const row = db.prepare(`SELECT * FROM list_publications WHERE id = ?`).get(id) as PublicationDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该发布文件记录不存在，可能已被删除');
  return row;
}

export function createPublication(db: Db, typed: PublicationValues, operator: string): { id: number; operationId: number | null } {
  const values = { ...typed, docNumber: normaliseDocNumber(typed.docNumber) };
  const unit = requireAgency(db, values.unitId);
  checkDates(values);
  const { operationId, value } = runOperation(db, { kind: 'create', summary: `登记发布文件 ${values.docNumber}（${displayName(unit)}）`, operator }, (w) =>
    w.insert('list_publications', toColumns(values)),
  );
  return { id: value, operationId };
}

export function updatePublication(db: Db, id: number, typed: PublicationValues, operator: string): { operationId: number | null } {
  const values = { ...typed, docNumber: normaliseDocNumber(typed.docNumber) };
  getPublication(db, id);
  const unit = requireAgency(db, values.unitId);
  checkDates(values);
  const { operationId } = runOperation(db, { kind: 'update', summary: `修改发布文件 ${values.docNumber}（${displayName(unit)}）`, operator }, (w) => {
    w.update('list_publications', id, toColumns(values));
  });
  return { operationId };
}

export function deletePublication(db: Db, id: number, operator: string): { operationId: number | null } {
  const row = getPublication(db, id);
  const unit = db.prepare(`SELECT name, short_name FROM units WHERE id = ?`).get(row.unit_id) as { name: string; short_name: string | null };
  const { operationId } = runOperation(db, { kind: 'delete', summary: `删除发布文件 ${row.doc_number}（${displayName(unit)}）`, operator }, (w) => {
    w.delete('list_publications', id);
  });
  return { operationId };
}
