import { checkStaffingChange, checkStepDate, mayHoldCertificate } from '../../../shared/domain/certificate-rules.ts';
import { OPEN_CERT_STATES, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { maskIdNumber } from '../../../shared/domain/id-number.ts';
import { STAFFING_NOT_REPORTED, type PersonnelKind, type StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { FieldDiff, MissingRecord } from '../../../shared/import/check-schema.ts';
import { fieldLabel } from '../../../shared/import/column-synonyms.ts';
import type { RowStatus } from '../../../shared/import/import-kinds.ts';
import { makeIssue } from '../../../shared/import/issues.ts';
import type { ImportableCertState } from '../../../shared/import/value-synonyms.ts';
import type { Db } from '../db/open-database.ts';
import { lastEventDate, type CertRow } from '../personnel/certificate-writes.ts';
import type { PersonRow } from '../personnel/person-values.ts';
import type { PersonDraft } from './personnel-rows.ts';
import { hasErrors } from './row-draft.ts';
import { unitName, type UnitIndex } from './unit-matcher.ts';

/**
 * A roster against the registry. A row is keyed by its ID number: a new person is added; a person
 * of the same unit is compared field by field; a person registered in another unit is a transfer
 * the clerk must confirm (never a silent move). People of the unit that the roster no longer lists
 * are reported for the clerk's decision, never deleted. Legacy certificates are recorded as facts
 * (no exam record is required), but who may hold one is still checked.
 *
 * The commit writes each plan through the person page's write functions (personnel/person-writes.ts,
 * personnel/certificate-writes.ts), which refuse what breaks a rule. So that the clerk sees a
 * refusal here and not at the commit, the same rules are asked here against the loaded registry:
 * the staffing rule (checkStaffingChange), the step dates (checkStepDate, with the card's last
 * event date as the write functions read it), who may hold a card, a free number.
 */

/** A person as the registry holds them (the same row the person page's write functions write). */
export type RegistryPerson = PersonRow & { id: number };

/** A current certificate, from the certificate_current cache (which holds no cancellation date). */
export type RegistryCert = Omit<CertRow, 'cancel_date'>;

export interface PersonnelRegistry {
  byIdNumber: Map<string, RegistryPerson>;
  /** person id → cert type → that type's current certificate. */
  currentCerts: Map<number, Map<CertType, RegistryCert>>;
  /** certificate number → holder's person id. */
  certNumbers: Map<string, number>;
  personName: (personId: number) => string;
  /** The date of a card's last recorded step (read when asked: only renewals and applications need it). */
  lastStepDate: (certificateId: number) => string | null;
}

const PERSON_COLUMNS = `id, unit_id, personnel_kind, name, sex, id_number, birth_date, post, staffing_type, enforcement_category, enforcement_scope, is_legal_reviewer, phone, notes`;

export function loadPersonnelRegistry(db: Db): PersonnelRegistry {
  const people = db.prepare(`SELECT ${PERSON_COLUMNS} FROM personnel`).all() as RegistryPerson[];
  const byIdNumber = new Map(people.map((p) => [p.id_number, p]));
  const byId = new Map(people.map((p) => [p.id, p]));
  // Each person's current card per type, from the roster's cache (migration 0003, kept exact by triggers).
  const currentCerts = new Map<number, Map<CertType, RegistryCert>>();
  const rows = db.prepare(`SELECT certificate_id AS id, person_id, cert_type, cert_number, state, issue_date, expiry_date FROM certificate_current`).all() as RegistryCert[];
  for (const c of rows) {
    let m = currentCerts.get(c.person_id);
    if (!m) currentCerts.set(c.person_id, (m = new Map<CertType, RegistryCert>()));
    m.set(c.cert_type, c);
  }
  const certNumbers = new Map<string, number>();
  for (const r of db.prepare(`SELECT cert_number, person_id FROM certificates WHERE cert_number IS NOT NULL`).all() as { cert_number: string; person_id: number }[]) {
    certNumbers.set(r.cert_number, r.person_id);
  }
  return { byIdNumber, currentCerts, certNumbers, personName: (id) => byId.get(id)?.name ?? `#${id}`, lastStepDate: (id) => lastEventDate(db, id) };
}

/**
 * What the commit does with a row's card, each through the certificate step it is: issue (发证: a new
 * card, or the card completing the person's open application), correct (信息更正 of the dates),
 * renew (换证).
 */
export type CertOp =
  | { op: 'issue'; type: CertType; number: string; issueDate: string; expiryDate: string; state: ImportableCertState }
  | { op: 'correct'; certId: number; patch: { issue_date?: string; expiry_date?: string } }
  | { op: 'renew'; type: CertType; number: string; issueDate: string; expiryDate: string };

/** The unit of a known person changes only by `transfer` (never in `patch`). */
export type PersonPlan =
  { action: 'add'; values: PersonRow; certOps: CertOp[] } | { action: 'update'; personId: number; patch: Partial<PersonRow>; transfer: { from: number; to: number } | null; certOps: CertOp[] };

export interface ComparedPerson {
  status: RowStatus;
  diff: FieldDiff[];
  recordId: number | null;
  transferFrom: { unitId: number; unitName: string } | null;
  transferConfirmed: boolean;
  plan: PersonPlan | null;
}

interface CompareContext {
  file: string;
  sheet: string;
  registry: PersonnelRegistry;
  units: UnitIndex;
  confirmedTransfers: ReadonlySet<number>;
  today: string;
  /** The column a field is read from, so registry findings name it too. */
  columnOf: (field: string) => { column: string | null; header: string | null };
}

const label = (field: string) => fieldLabel('personnel', field);

function certPlan(draft: PersonDraft, existing: RegistryPerson | undefined, ctx: CompareContext, diff: FieldDiff[]): CertOp[] {
  const cert = draft.cert;
  if (!cert || cert.number === null || cert.issueDate === null || cert.expiryDate === null) return [];
  const issue = (code: Parameters<typeof makeIssue>[0], detail: string, field = 'cert_number') => {
    draft.issues.push(makeIssue(code, { file: ctx.file, sheet: ctx.sheet, row: draft.row, ...ctx.columnOf(field), field }, detail));
  };
  /** The step's date as the write function will check it (after today, before the card's last step). */
  const issueDate = cert.issueDate;
  const datedInOrder = (stepLabel: string, previousStepOf: number | null): boolean => {
    const check = checkStepDate(stepLabel, issueDate, previousStepOf === null ? null : ctx.registry.lastStepDate(previousStepOf), ctx.today);
    if (!check.ok) issue('CERT_DATE_ORDER', check.message, 'issue_date');
    return check.ok;
  };
  const owner = ctx.registry.certNumbers.get(cert.number);
  if (owner !== undefined && owner !== existing?.id) {
    issue('CERT_NUMBER_TAKEN', `执法证号“${cert.number}”已登记在“${ctx.registry.personName(owner)}”名下，同一证号不能属于两个人`);
    return [];
  }
  const current = existing ? ctx.registry.currentCerts.get(existing.id)?.get(cert.type) : undefined;
  if (!current || !(OPEN_CERT_STATES as readonly string[]).includes(current.state)) {
    if (current && current.cert_number === cert.number) {
      issue('CERT_CONFLICT', `台账中执法证号“${cert.number}”的状态是“${current.state}”，不能通过导入恢复。如需重新发证，请在“执法人员”页面办理`);
      return [];
    }
    if (!datedInOrder('发证日期', null)) return [];
    diff.push({ field: 'cert_number', label: label('cert_number'), before: current?.cert_number ?? null, after: cert.number });
    return [{ op: 'issue', type: cert.type, number: cert.number, issueDate: cert.issueDate, expiryDate: cert.expiryDate, state: cert.state }];
  }
  if (current.state === '待考试' || current.state === '考试合格') {
    if (!datedInOrder('发证日期', current.id)) return [];
    diff.push({ field: 'cert_number', label: label('cert_number'), before: null, after: cert.number });
    return [{ op: 'issue', type: cert.type, number: cert.number, issueDate: cert.issueDate, expiryDate: cert.expiryDate, state: cert.state }];
  }
  if (current.state !== cert.state) {
    issue('CERT_STATE_DIFFERS', `台账中证件状态为“${current.state}”，表中为“${cert.state}”；导入不改变证件状态（暂扣、解除暂扣须在“执法人员”页面办理）`, 'cert_state');
  }
  if (current.cert_number === cert.number) {
    // The same card: its dates are corrected as written, with no step date to check, so a future one is flagged.
    if (cert.issueDate > ctx.today) issue('CERT_ISSUE_IN_FUTURE', `发证日期 ${cert.issueDate} 晚于今天（${ctx.today}），请核对`, 'issue_date');
    const patch: { issue_date?: string; expiry_date?: string } = {};
    if (current.issue_date !== cert.issueDate) {
      patch.issue_date = cert.issueDate;
      diff.push({ field: 'issue_date', label: label('issue_date'), before: current.issue_date, after: cert.issueDate });
    }
    if (current.expiry_date !== cert.expiryDate) {
      patch.expiry_date = cert.expiryDate;
      diff.push({ field: 'expiry_date', label: label('expiry_date'), before: current.expiry_date, after: cert.expiryDate });
    }
    return Object.keys(patch).length > 0 ? [{ op: 'correct', certId: current.id, patch }] : [];
  }
  // A different number: a renewal that happened outside the registry, if it is newer.
  if (current.state === '暂扣') {
    issue('CERT_CONFLICT', `台账中此人的证件“${current.cert_number ?? ''}”正被暂扣，表中却是另一个证号“${cert.number}”。请先在“执法人员”页面处理暂扣`);
    return [];
  }
  if (current.issue_date !== null && cert.issueDate <= current.issue_date) {
    issue('CERT_CONFLICT', `执法证号“${cert.number}”（发证 ${cert.issueDate}）与台账中的有效证件“${current.cert_number ?? ''}”（发证 ${current.issue_date}）不一致，且并非更新的证件。请核对`);
    return [];
  }
  if (!datedInOrder('换证日期', current.id)) return [];
  issue('CERT_RENEWED', `台账中的证件“${current.cert_number ?? ''}”将登记为已换发，新证“${cert.number}”（${cert.issueDate} 至 ${cert.expiryDate}）`);
  diff.push({ field: 'cert_number', label: label('cert_number'), before: current.cert_number, after: cert.number });
  diff.push({ field: 'issue_date', label: label('issue_date'), before: current.issue_date, after: cert.issueDate });
  diff.push({ field: 'expiry_date', label: label('expiry_date'), before: current.expiry_date, after: cert.expiryDate });
  return [{ op: 'renew', type: cert.type, number: cert.number, issueDate: cert.issueDate, expiryDate: cert.expiryDate }];
}

export function comparePerson(draft: PersonDraft, ctx: CompareContext): ComparedPerson {
  const none: ComparedPerson = { status: 'error', diff: [], recordId: null, transferFrom: null, transferConfirmed: false, plan: null };
  const p = draft.person;
  if (p.idNumber === null) return none;
  const existing = ctx.registry.byIdNumber.get(p.idNumber);
  const at = (field: string) => ({ file: ctx.file, sheet: ctx.sheet, row: draft.row, ...ctx.columnOf(field), field });
  const staffing = p.staffing ?? existing?.staffing_type ?? null;
  if (draft.cert && staffing !== null && !mayHoldCertificate(staffing) && !draft.issues.some((i) => i.code === 'CERT_NOT_ALLOWED')) {
    draft.issues.push(makeIssue('CERT_NOT_ALLOWED', at('cert_number'), `${staffing}不能持有行政执法证件（台账中此人为${staffing}），但此行填写了执法证号`));
  }
  const diff: FieldDiff[] = [];

  if (!existing) {
    // A roster without 编制类型 (most agencies' are): the person is registered as 未填写, to be confirmed.
    if (p.staffing === null && !draft.issues.some((i) => i.code === 'STAFFING_UNREADABLE')) {
      draft.issues.push(makeIssue('STAFFING_MISSING', at('staffing_type'), '未填写编制类型，登记为“未填写”（待核实）。可在预览中用“批量填写”补填'));
    }
    const staffingType: StaffingType = p.staffing ?? STAFFING_NOT_REPORTED;
    const certOps = certPlan(draft, undefined, ctx, diff);
    if (hasErrors(draft) || p.unitId === null || p.name === null || p.sex === null) return { ...none, diff };
    const kind: PersonnelKind = p.kind ?? (draft.cert?.type === '行政执法监督证' ? '监督人员' : '执法人员');
    return {
      status: 'add',
      diff,
      recordId: null,
      transferFrom: null,
      transferConfirmed: false,
      plan: {
        action: 'add',
        values: {
          unit_id: p.unitId,
          personnel_kind: kind,
          name: p.name,
          sex: p.sex,
          id_number: p.idNumber,
          birth_date: p.birthDate,
          post: p.post,
          staffing_type: staffingType,
          enforcement_category: p.category,
          enforcement_scope: p.scope,
          is_legal_reviewer: p.legalReviewer ? 1 : 0,
          phone: p.phone,
          notes: p.notes,
        },
        certOps,
      },
    };
  }

  // A known person: compare what the row says (an empty cell or an absent column changes nothing).
  const patch: Partial<PersonRow> = {};
  const compare = (field: string, column: keyof RegistryPerson & keyof PersonRow, next: string | number | null, shown?: (v: string | number | null) => string | null) => {
    if (next === null) return;
    const before = existing[column];
    if (before === next) return;
    (patch as Record<string, string | number>)[column] = next;
    const show = shown ?? ((v) => (v === null ? null : String(v)));
    diff.push({ field, label: label(field), before: show(before), after: show(next) });
  };
  if (p.name !== null && p.name !== existing.name) {
    draft.issues.push(makeIssue('NAME_DIFFERS', at('name'), `同一身份证号在台账中的姓名是“${existing.name}”，表中为“${p.name}”，导入后将改为“${p.name}”，请核实`));
  }
  compare('name', 'name', p.name);
  compare('sex', 'sex', p.sex);
  compare('birth_date', 'birth_date', p.birthDate);
  compare('personnel_kind', 'personnel_kind', p.kind);
  // 未填写 in a cell says nothing new: a known staffing type stays.
  compare('staffing_type', 'staffing_type', p.staffing === STAFFING_NOT_REPORTED ? null : p.staffing);
  compare('post', 'post', p.post);
  compare('enforcement_category', 'enforcement_category', p.category);
  compare('enforcement_scope', 'enforcement_scope', p.scope);
  compare('is_legal_reviewer', 'is_legal_reviewer', p.legalReviewer === null ? null : p.legalReviewer ? 1 : 0, (v) => (v === null ? null : v === 1 ? '是' : '否'));
  compare('phone', 'phone', p.phone);
  compare('notes', 'notes', p.notes);
  // A card holder keeps a staffing type that may hold the card (updatePersonRow refuses it at the commit too).
  if (patch.staffing_type !== undefined && !draft.issues.some((i) => i.field === 'staffing_type' && i.severity === 'error')) {
    const cards = [...(ctx.registry.currentCerts.get(existing.id)?.values() ?? [])].map((c) => ({ certType: c.cert_type, state: c.state }));
    const check = checkStaffingChange(patch.staffing_type, cards);
    if (!check.ok) draft.issues.push(makeIssue('STAFFING_CARD_HELD', at('staffing_type'), check.message));
  }

  let transfer: { from: number; to: number } | null = null;
  if (p.unitId !== null && p.unitId !== existing.unit_id) {
    transfer = { from: existing.unit_id, to: p.unitId };
    diff.unshift({ field: 'unit', label: '单位', before: unitName(ctx.units, existing.unit_id), after: unitName(ctx.units, p.unitId) });
  }
  const certOps = certPlan(draft, existing, ctx, diff);
  if (hasErrors(draft)) return { ...none, diff, recordId: existing.id };
  const plan: PersonPlan = { action: 'update', personId: existing.id, patch, transfer, certOps };
  if (transfer) {
    const confirmed = ctx.confirmedTransfers.has(draft.row);
    draft.issues.push(
      makeIssue(
        confirmed ? 'TRANSFER' : 'TRANSFER_NOT_CONFIRMED',
        at('id_number'),
        confirmed
          ? `此人登记在“${unitName(ctx.units, existing.unit_id)}”，已确认调入“${unitName(ctx.units, transfer.to)}”，导入时登记调动`
          : `此人（${maskIdNumber(existing.id_number)}）登记在“${unitName(ctx.units, existing.unit_id)}”。如确已调入“${unitName(ctx.units, transfer.to)}”，请在预览中确认调动；未确认的不导入`,
      ),
    );
    return { status: 'transfer', diff, recordId: existing.id, transferFrom: { unitId: existing.unit_id, unitName: unitName(ctx.units, existing.unit_id) }, transferConfirmed: confirmed, plan };
  }
  return { status: diff.length > 0 ? 'change' : 'unchanged', diff, recordId: existing.id, transferFrom: null, transferConfirmed: false, plan };
}

/** Duplicates inside the file: every row sharing an ID number (or a certificate number) is an error. */
export function markPersonnelDuplicates(drafts: readonly PersonDraft[], file: string, sheet: string, columnOf: CompareContext['columnOf']): void {
  const flag = (key: (d: PersonDraft) => string | null, field: string, what: string) => {
    // First pass: the first row of each key; only keys seen twice get a list (rosters rarely repeat).
    const first = new Map<string, PersonDraft>();
    const repeated = new Map<string, PersonDraft[]>();
    for (const d of drafts) {
      if (d.excluded) continue;
      const k = key(d);
      if (k === null) continue;
      const seen = first.get(k);
      if (seen === undefined) first.set(k, d);
      else repeated.set(k, [...(repeated.get(k) ?? [seen]), d]);
    }
    for (const [k, list] of repeated) {
      for (const d of list) {
        const others = list.filter((o) => o !== d).map((o) => `第 ${o.row} 行`);
        d.issues.push(makeIssue('DUPLICATE_IN_FILE', { file, sheet, row: d.row, field, ...columnOf(field) }, `${what}“${k}”与${others.join('、')}重复，无法确定以哪一行为准`));
      }
    }
  };
  flag((d) => d.person.idNumber, 'id_number', '身份证号');
  flag((d) => d.cert?.number ?? null, 'cert_number', '执法证号');
}

export function missingPeople(db: Db, unitId: number, presentIds: ReadonlySet<string>, registry: PersonnelRegistry): MissingRecord[] {
  const rows = db.prepare(`SELECT id, name, id_number, post, personnel_kind FROM personnel WHERE unit_id = ? ORDER BY id`).all(unitId) as {
    id: number;
    name: string;
    id_number: string;
    post: string | null;
    personnel_kind: PersonnelKind;
  }[];
  const out: MissingRecord[] = [];
  for (const r of rows) {
    if (presentIds.has(r.id_number)) continue;
    const certs = registry.currentCerts.get(r.id);
    // Only an issued card (有效 / 暂扣) can be cancelled; an application not yet issued is withdrawn on the personnel page.
    const open = certs ? [...certs.values()].find((c) => c.state === '有效' || c.state === '暂扣') : undefined;
    const anyCert = certs ? [...certs.values()][0] : undefined;
    out.push({
      recordId: r.id,
      label: `${r.name}（${maskIdNumber(r.id_number)}）`,
      detail: [r.personnel_kind, r.post, open ? `${open.cert_type} ${open.cert_number ?? ''} ${open.state}` : anyCert ? `证件${anyCert.state}` : '无证'].filter(Boolean).join(' · '),
      openCertificate: open ? { id: open.id, certType: open.cert_type, certNumber: open.cert_number, state: open.state } : null,
    });
  }
  return out;
}
