import type { OutputOf, ParsedInputOf } from '../../../shared/api/define.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { importMethods } from '../../../shared/api/methods/import.ts';
import { CANCEL_REASONS, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { isIsoDate } from '../../../shared/domain/dates.ts';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/import/import-kinds.ts';
import { unitKindLabel } from '../../../shared/import/unit-names.ts';
import { describePlace } from '../../../shared/import/issues.ts';
import type { BackendContext } from '../context.ts';
import { runOperation, type Writer } from '../db/tracked-writes.ts';
import { cancelCard, certificateRow, correctCard, currentCard, issueCard, renewCard, type StepContext } from '../personnel/certificate-writes.ts';
import { insertPersonRow, transferPersonRow, updatePersonRow } from '../personnel/person-writes.ts';
import { addUnitAliases, insertUnitRow, unitValues, updateUnitRow } from '../units/unit-writes.ts';
import type { CatalogPlan } from './catalog-compare.ts';
import { evaluateFile, previousImports, registryStamp, type CheckedSheet, type FileState } from './check-file.ts';
import { envOf } from './import-service.ts';
import { getSession } from './import-sessions.ts';
import type { CertOp, PersonPlan } from './personnel-compare.ts';
import type { UnitPlan } from './unit-rows.ts';
import { needsConsent, type UnitProposal } from './units-to-add.ts';

/**
 * Writes one checked file into the registry: one runOperation of kind 'import' (one transaction,
 * every row's before and after image in change_log) plus its import_batches row. People and
 * certificates are written by the person page's write functions (personnel/person-writes.ts,
 * personnel/certificate-writes.ts), inside this one operation, so an import obeys the same rules
 * as the person page; their events carry {"source":"import","batch":N}. Undoing the
 * operation (history.undo) restores every record it touched exactly; the batch row stays as the
 * record that the file was imported and undone.
 *
 * The file is checked again inside the transaction against the registry as it is at that moment;
 * if the outcome differs from what the clerk last saw, nothing is written and the preview is
 * refreshed instead.
 *
 * Units the file names that the unit list lacks are added first, in the same operation, through the
 * units' write functions (units/unit-writes.ts), when the caller accepts them (`addUnits`: the
 * clerk's confirmation, `--add-units`); the file is then checked again against the real units, so
 * every row is written with its unit's real id. Undoing the import removes them again.
 */

type CommitSpec = (typeof importMethods)['import.commit'];
export type CommitInput = ParsedInputOf<CommitSpec>;
/** cancel_certificate: 注销 the person's open certificate; delete: remove a catalog or list item. */
export type MissingDecision = CommitInput['missing'][number];
export type CommitResult = OutputOf<CommitSpec>;

function fingerprint(state: FileState): string {
  return JSON.stringify(state.sheets.map((s) => [s.blocked, s.rows.map((r) => `${r.draft.row}:${r.status}:${r.diff.length}:${r.transferConfirmed ? 1 : 0}`), s.missing.map((m) => m.recordId)]));
}

interface WriteContext {
  w: Writer;
  today: string;
  file: string;
  /** The person page's step context, with this import's marker on every event. */
  step: StepContext;
}

/**
 * Runs one record's writes. The write functions refuse with the rule's message; the importer puts
 * the row (or the person) in front of it, so the clerk knows which one.
 */
function refusedAs<T>(where: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, `${where}：${err.message}`, err.issues);
    throw err;
  }
}

/**
 * A row's card, through the certificate steps of the person page. The importer records a card
 * issued outside the registry as a fact (evidence 'recorded-fact'): the agency's roster stands in
 * for the application and the exam, which the registry never saw; every other rule of the step
 * applies (who may hold a card, the order and dates of the steps, a free number, expiry after issue).
 */
function applyCertOps(wc: WriteContext, personId: number, ops: readonly CertOp[]): void {
  const { w } = wc;
  for (const op of ops) {
    switch (op.op) {
      case 'issue':
        issueCard(w, { personId, certType: op.type, certNumber: op.number, date: op.issueDate, expiryDate: op.expiryDate, state: op.state, reason: null, docRef: null }, 'recorded-fact', wc.step);
        break;
      case 'correct': {
        const card = certificateRow(w.db, op.certId);
        correctCard(
          w,
          {
            certificateId: card.id,
            certNumber: card.cert_number,
            issueDate: op.patch.issue_date ?? card.issue_date,
            expiryDate: op.patch.expiry_date ?? card.expiry_date,
            reason: `导入“${wc.file}”时按报送名册更正证件日期`,
          },
          wc.step,
        );
        break;
      }
      case 'renew':
        renewCard(w, { personId, certType: op.type, action: '换证', certNumber: op.number, date: op.issueDate, expiryDate: op.expiryDate, reason: null, docRef: null }, 'recorded-fact', wc.step);
        break;
    }
  }
}

/** A roster row, through the person page's write functions (the same checks, the same messages). */
function applyPersonPlan(wc: WriteContext, sheet: CheckedSheet, row: number, plan: PersonPlan): 'added' | 'changed' | 'transferred' {
  const { w } = wc;
  const where = describePlace({ file: wc.file, sheet: sheet.analysis.name, row });
  return refusedAs(where, () => {
    if (plan.action === 'add') {
      const personId = insertPersonRow(w, plan.values);
      applyCertOps(wc, personId, plan.certOps);
      return 'added';
    }
    if (Object.keys(plan.patch).length > 0) updatePersonRow(w, plan.personId, plan.patch);
    if (plan.transfer) {
      const notes = `导入“${wc.file}”时确认调动`;
      transferPersonRow(w, plan.personId, { toUnitId: plan.transfer.to, date: wc.today, docRef: null, notes, post: null, enforcementCategory: null, enforcementScope: null }, wc.today);
    }
    applyCertOps(wc, plan.personId, plan.certOps);
    return plan.transfer ? 'transferred' : 'changed';
  });
}

/** A row of the clerk's unit list, through the units' write functions (the checks of 单位管理). */
function applyUnitPlan(w: Writer, where: string, plan: UnitPlan): 'added' | 'changed' {
  return refusedAs(where, () => {
    if (plan.action === 'add') {
      insertUnitRow(w, plan.values);
      return 'added';
    }
    updateUnitRow(w, plan.unitId, plan.values);
    return 'changed';
  });
}

/** The units the file needs that the list lacks: added (or, as the clerk decided, a name added to an existing unit). Returns the new units' ids. */
function addProposedUnits(w: Writer, file: string, proposals: readonly UnitProposal[]): Set<number> {
  const maxSort = w.db.prepare(`SELECT ifnull(max(sort_order), 0) FROM units`).pluck().get() as number;
  const ids = new Set<number>();
  let added = 0;
  for (const p of proposals) {
    refusedAs(`文件“${file}”中的单位“${p.name}”`, () => {
      if (p.existingUnitId !== null) {
        addUnitAliases(w, p.existingUnitId, [p.name, ...p.aliases]);
        if (p.marksAgency) updateUnitRow(w, p.existingUnitId, { ...unitValues(w.db, p.existingUnitId), keepsInspectionLists: true });
        return;
      }
      const id = insertUnitRow(w, {
        name: p.name,
        shortName: null,
        kind: p.kind,
        keepsInspectionLists: p.keepsLists,
        sortOrder: maxSort + added + 1,
        staffingQuota: null,
        contactPerson: null,
        contactPhone: null,
        notes: `导入“${file}”时新增`,
        aliases: p.aliases,
      });
      ids.add(id);
      added += 1;
    });
  }
  return ids;
}

function applyCatalogPlan(w: Writer, plan: CatalogPlan): 'added' | 'changed' {
  if (plan.action === 'add') {
    w.insert(plan.table, plan.values);
    return 'added';
  }
  if (plan.recordId !== null) w.update(plan.table, plan.recordId, plan.values);
  return 'changed';
}

/**
 * A person the roster no longer lists: their card is cancelled by the 注销 step of the person page
 * (cancelCard: not dated after today nor before the card's last step; the reason as the event's
 * reason), the event marked as this import's.
 */
function applyMissing(wc: WriteContext, sheet: CheckedSheet, decision: MissingDecision): 'cancelled' | 'deleted' {
  const { w } = wc;
  const record = sheet.missing.find((m) => m.recordId === decision.recordId);
  if (!record) throw new AppError('NOT_FOUND', `工作表“${sheet.analysis.name}”的“名册中没有的记录”里没有编号为 ${decision.recordId} 的记录，请重新检查`);
  if (decision.action === 'delete') {
    if (sheet.analysis.kind === 'personnel' || sheet.analysis.kind === 'skipped') throw new AppError('RULE_VIOLATION', '导入不会删除人员。人员调离请注销证件，删除人员请在“执法人员”页面办理。');
    w.delete(sheet.analysis.kind === 'inspection_items' ? 'inspection_items' : 'penalty_list_items', record.recordId);
    return 'deleted';
  }
  const open = record.openCertificate;
  if (!open) throw new AppError('RULE_VIOLATION', `${record.label}没有可注销的证件`);
  const reason = decision.reason;
  if (!reason || !(CANCEL_REASONS as readonly string[]).includes(reason)) throw new AppError('INVALID_INPUT', `请为 ${record.label} 选择注销原因`);
  const date = decision.date ?? wc.today;
  if (!isIsoDate(date)) throw new AppError('INVALID_INPUT', `${record.label} 的注销日期“${date}”不是有效日期`);
  const card = w.get('certificates', open.id);
  const certType = card?.['cert_type'] as CertType | undefined;
  if (!card || card['person_id'] !== record.recordId || certType === undefined || currentCard(w.db, record.recordId, certType)?.id !== open.id) {
    throw new AppError('CONFLICT', `${record.label}的证件已变化，请重新检查`);
  }
  refusedAs(`${record.label}的${certType}${open.certNumber ? ` ${open.certNumber}` : ''}`, () =>
    cancelCard(
      w,
      { personId: record.recordId, certType, date, cancelReason: reason, announceDate: null, reason: null, docRef: null },
      { ...wc.step, eventDetails: { ...wc.step.eventDetails, missingFrom: wc.file } },
    ),
  );
  return 'cancelled';
}

export function commitFile(ctx: BackendContext, input: CommitInput): CommitResult {
  const state = getSession(ctx, input.checkId);
  if (state.error) throw new AppError('RULE_VIOLATION', `${state.error.message}`);
  if (state.committed) throw new AppError('CONFLICT', `文件“${state.file}”已经导入过了（本次检查中）。`);
  const seen = fingerprint(state);
  const env = envOf(ctx);
  const operator = ctx.operator();
  const waiting = state.unitsToAdd.filter(needsConsent);
  if (waiting.length > 0 && !input.addUnits) {
    const added = waiting.filter((p) => !p.marksAgency).map((p) => `${p.name}（${unitKindLabel(p.kind)}）`);
    const marked = waiting.filter((p) => p.marksAgency).map((p) => p.name);
    throw new AppError(
      'UNITS_TO_ADD',
      `文件“${state.file}”要导入，须先${[added.length > 0 ? `新增单位名单中没有的单位：${added.join('、')}` : '', marked.length > 0 ? `将${marked.join('、')}标记为执法主体` : ''].filter(Boolean).join('，并')}。请确认后再导入。`,
    );
  }

  const previous = previousImports(ctx.db, state.sha256).filter((p) => !p.undone);
  if (previous.length > 0 && !input.allowRepeat) {
    const last = previous[previous.length - 1];
    throw new AppError('ALREADY_IMPORTED', `同一个文件（内容完全相同）已于 ${last?.committedAt.slice(0, 10) ?? ''} 以“${last?.fileName ?? ''}”导入过。确认要再次导入吗？`);
  }

  const { operationId, value } = runOperation(ctx.db, { kind: 'import', summary: `导入文件“${state.file}”`, operator }, (w) => {
    // Inside the transaction: if anything changed since the clerk's last look, check again and stop when the outcome differs.
    const inside = { ...env, writingOperationId: w.operationId };
    const changed = () => new AppError('CONFLICT', `台账在检查“${state.file}”之后有了变化，检查结果已更新。请核对预览后再导入。`);
    if (registryStamp(inside) !== state.stamp) {
      evaluateFile(state, inside);
      if (fingerprint(state) !== seen) throw changed();
    }
    // The units the file needs come first (another file may have added some meanwhile: the list is
    // the one just checked); the file is then read against them, so its rows get their real ids.
    const needed = state.unitsToAdd;
    if (needed.some(needsConsent) && !input.addUnits) throw changed();
    const addedUnitIds = needed.length > 0 ? addProposedUnits(w, state.file, needed) : new Set<number>();
    const unitsAdded = addedUnitIds.size;
    if (needed.length > 0) {
      evaluateFile(state, inside);
      if (fingerprint(state) !== seen || state.unitsToAdd.length > 0) throw changed();
    }
    const errorRows = state.sheets.reduce((n, s) => n + (s.analysis.kind === 'skipped' ? 0 : s.counts.errors), 0);
    const blockedSheets = state.sheets.filter((s) => s.blocked && s.analysis.kind !== 'skipped' && s.rows.length > 0);
    if ((errorRows > 0 || blockedSheets.length > 0) && !input.skipErrorRows) {
      throw new AppError(
        'RULE_VIOLATION',
        `文件“${state.file}”还有 ${errorRows} 行错误${blockedSheets.length > 0 ? `、${blockedSheets.length} 个工作表不能导入` : ''}。请先修正，或确认只导入没有错误的行。`,
      );
    }
    const sheets = state.sheets.filter((s) => !s.blocked);
    const kinds = [...new Set(sheets.map((s) => s.analysis.kind).filter((k): k is ImportKind => k !== 'skipped'))];
    const unitIds = [...new Set(sheets.map((s) => s.analysis.agency?.unitId).filter((u): u is number => u !== undefined))];
    // A unit this import adds is not referenced by the batch row (undo removes the unit; the row stays): its name is kept in the details.
    const batchUnitId = unitIds.length === 1 && !addedUnitIds.has(unitIds[0] ?? 0) ? (unitIds[0] ?? null) : null;
    const batchUnitName = unitIds.length === 1 ? (sheets.find((s) => s.analysis.agency)?.analysis.agency?.name ?? null) : null;
    const batchKind = kinds.length === 1 ? (kinds[0] ?? 'mixed') : 'mixed';
    const batchId = Number(
      w.db.prepare(`INSERT INTO import_batches (operation_id, file_name, sha256, unit_id, kind) VALUES (?, ?, ?, ?, ?)`).run(w.operationId, state.file, state.sha256, batchUnitId, batchKind)
        .lastInsertRowid,
    );
    const step: StepContext = { today: env.today, operator, certValidityYears: env.certValidityYears, eventDetails: { source: 'import', batch: batchId } };
    const wc: WriteContext = { w, today: env.today, file: state.file, step };
    const totals = { added: 0, changed: 0, transferred: 0, cancelled: 0, deleted: 0, unitsAdded };
    for (const sheet of sheets) {
      for (const row of sheet.rows) {
        const plan = row.plan;
        if (!plan) continue;
        if (row.status === 'add' || row.status === 'change' || (row.status === 'transfer' && row.transferConfirmed)) {
          let done: 'added' | 'changed' | 'transferred';
          if ('certOps' in plan) done = applyPersonPlan(wc, sheet, row.draft.row, plan);
          else if ('table' in plan) done = applyCatalogPlan(w, plan);
          else done = applyUnitPlan(w, describePlace({ file: state.file, sheet: sheet.analysis.name, row: row.draft.row }), plan);
          totals[done] += 1;
        }
      }
    }
    for (const decision of input.missing) {
      const sheet = state.sheets[decision.sheetIndex];
      if (!sheet || sheet.blocked) throw new AppError('NOT_FOUND', '要处理的工作表不存在或不能导入');
      totals[applyMissing(wc, sheet, decision)] += 1;
    }
    const read = state.sheets.reduce((n, s) => n + s.counts.read, 0);
    const sum = (f: 'unchanged' | 'errors' | 'warnings' | 'skipped' | 'excluded') => sheets.reduce((n, s) => n + s.counts[f], 0);
    const kindsText = kinds.map((k) => IMPORT_KIND_LABELS[k]).join('、');
    const parts = [
      totals.unitsAdded > 0 ? `新增单位 ${totals.unitsAdded} 个` : '',
      totals.added > 0 ? `新增 ${totals.added} 条` : '',
      totals.changed > 0 ? `修改 ${totals.changed} 条` : '',
      totals.transferred > 0 ? `调入 ${totals.transferred} 人` : '',
      totals.cancelled > 0 ? `注销证件 ${totals.cancelled} 个` : '',
      totals.deleted > 0 ? `删除 ${totals.deleted} 条` : '',
    ].filter(Boolean);
    const summary = `导入“${state.file}”（${kindsText || '无内容'}）：${parts.length > 0 ? parts.join('、') : '没有需要写入的改动'}`;
    w.db.prepare(`UPDATE import_batches SET rows_read = ?, rows_added = ?, rows_changed = ?, rows_unchanged = ?, rows_error = ?, rows_warning = ?, rows_skipped = ?, details = ? WHERE id = ?`).run(
      read,
      totals.added,
      totals.changed + totals.transferred,
      sum('unchanged'),
      state.sheets.reduce((n, s) => n + s.counts.errors, 0),
      sum('warnings'),
      state.sheets.reduce((n, s) => n + s.counts.skipped, 0),
      JSON.stringify({
        sheets: state.sheets.map((s) => ({ sheet: s.analysis.name, kind: s.analysis.kind, unitId: s.analysis.agency?.unitId ?? null, imported: !s.blocked, counts: s.counts })),
        transferred: totals.transferred,
        cancelled: totals.cancelled,
        deleted: totals.deleted,
        unitsAdded: totals.unitsAdded,
        unitName: batchUnitName,
        excluded: sum('excluded'),
        operator,
      }),
      batchId,
    );
    w.db.prepare(`UPDATE operations SET summary = ? WHERE id = ?`).run(summary, w.operationId);
    return { batchId, summary, ...totals };
  });
  if (operationId === null) throw new AppError('INTERNAL', '导入未记录操作');
  state.committed = { batchId: value.batchId, operationId };
  return { operationId, ...value };
}
