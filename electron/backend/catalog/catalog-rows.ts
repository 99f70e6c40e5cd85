import type { InspectionItemRow, ListItemRow, PublicationRow } from '../../../shared/api/methods/catalog.ts';
import type { InspectionCategory, ListKind } from '../../../shared/domain/list-kinds.ts';

/** Database rows of the catalog tables and their API shapes. */

export interface InspectionItemDbRow {
  id: number;
  unit_id: number;
  unit_name: string;
  item_code: string | null;
  name: string;
  category: InspectionCategory;
  basis: string | null;
  subject: string | null;
  undertaking_body: string | null;
  target: string | null;
  content: string | null;
  method: string | null;
  frequency: string | null;
  notes: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export const INSPECTION_ITEM_SELECT = `SELECT i.*, u.name AS unit_name FROM inspection_items i JOIN units u ON u.id = i.unit_id`;

export function toInspectionItemRow(r: InspectionItemDbRow): InspectionItemRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    itemCode: r.item_code,
    name: r.name,
    category: r.category,
    basis: r.basis,
    subject: r.subject,
    undertakingBody: r.undertaking_body,
    target: r.target,
    content: r.content,
    method: r.method,
    frequency: r.frequency,
    notes: r.notes,
    sortOrder: r.sort_order,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface ListItemDbRow {
  id: number;
  unit_id: number;
  unit_name: string;
  list_kind: ListKind;
  matter: string | null;
  violation: string;
  violation_basis: string | null;
  penalty_basis: string | null;
  conditions: string | null;
  discretion: string | null;
  notes: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export const LIST_ITEM_SELECT = `SELECT l.*, u.name AS unit_name FROM penalty_list_items l JOIN units u ON u.id = l.unit_id`;

export function toListItemRow(r: ListItemDbRow): ListItemRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    listKind: r.list_kind,
    matter: r.matter,
    violation: r.violation,
    violationBasis: r.violation_basis,
    penaltyBasis: r.penalty_basis,
    conditions: r.conditions,
    discretion: r.discretion,
    notes: r.notes,
    sortOrder: r.sort_order,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface PublicationDbRow {
  id: number;
  unit_id: number;
  doc_number: string;
  title: string | null;
  publish_date: string;
  valid_from: string | null;
  valid_to: string | null;
  revoked: number;
  notes: string | null;
  updated_at: string;
}

export function toPublicationRow(r: PublicationDbRow): PublicationRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    docNumber: r.doc_number,
    title: r.title,
    publishDate: r.publish_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    revoked: r.revoked === 1,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

/** For operation summaries in the history: long names are cut, the history shows one line. */
export function shortText(text: string, max = 30): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
