import type { personnelMethods } from '../../../shared/api/methods/personnel.ts';
import type { certificateMethods } from '../../../shared/api/methods/certificates.ts';
import type { rosterMethods } from '../../../shared/api/methods/rosters.ts';
import type { trainingMethods } from '../../../shared/api/methods/training.ts';
import { ROSTER_DOCUMENT_LABELS } from '../../../shared/api/methods/rosters.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { certTypeFor } from '../../../shared/domain/certificate-rules.ts';
import { assertRecordable, recordAccess } from '../access/access-log.ts';
import type { BackendContext } from '../context.ts';
import type { Handlers } from '../handler-types.ts';
import { buildRosterDocument } from '../rosters/roster-documents.ts';
import { rosterWorkbook } from '../rosters/roster-xlsx.ts';
import { announceCancellations, applyCertificateStep, correctCertificate, deleteExam, recordExam, withdrawApplication } from './certificate-service.ts';
import { legalReviewByUnit } from './legal-review-service.ts';
import { getPersonDetail } from './person-detail.ts';
import { personHistory } from './person-history.ts';
import { createPerson, deletePerson, personCore, personnelVocabulary, transferPerson, updatePerson } from './person-service.ts';
import { cachedRosterIds } from './roster-cache.ts';
import { rosterRows, rosterRulesOf, type RosterRules } from './roster-query.ts';
import { addTraining, deleteTraining, trainingSummary, updateTraining } from './training-service.ts';

function rulesOf(ctx: BackendContext): RosterRules {
  return rosterRulesOf(ctx.today(), ctx.settings());
}

function lifecycleContext(ctx: BackendContext) {
  return { today: ctx.today(), operator: ctx.operator(), certValidityYears: ctx.settings().certValidityYears };
}

export const personnelHandlers = {
  'personnel.query': ({ filter, sort, firstRows }, ctx) => {
    const rules = rulesOf(ctx);
    const ids = cachedRosterIds(ctx.db, filter, sort, rules);
    const rows = rosterRows(ctx.db, ids.slice(0, firstRows), rules, { certType: filter.certType, fullIdNumbers: false });
    return { total: ids.length, ids, rows, today: rules.today, trainingYear: Number(rules.today.slice(0, 4)), trainingRequiredHours: rules.trainingRequiredHours };
  },
  'personnel.rows': ({ ids, certType }, ctx) => ({ rows: rosterRows(ctx.db, ids, rulesOf(ctx), { certType, fullIdNumbers: false }) }),
  'personnel.get': ({ id }, ctx) => getPersonDetail(ctx.db, id, ctx.today(), ctx.settings()),
  'personnel.revealIdNumber': ({ id }, ctx) => {
    assertRecordable(ctx);
    const person = personCore(ctx.db, id);
    // Revealing a full number is recorded (who, whose) before it is shown, as GB/T 35273's display limits expect.
    recordAccess(ctx, { kind: 'reveal_id_number', personId: id, summary: `查看了“${person.name}”的完整身份证号` });
    return { idNumber: person.id_number };
  },
  'personnel.history': ({ id }, ctx) => ({ entries: personHistory(ctx.db, id) }),
  'personnel.vocabulary': (_input, ctx) => personnelVocabulary(ctx.db),
  'personnel.create': (values, ctx) => createPerson(ctx.db, values, ctx.today(), ctx.operator()),
  'personnel.update': ({ id, values }, ctx) => updatePerson(ctx.db, id, values, ctx.today(), ctx.operator()),
  'personnel.delete': ({ id }, ctx) => deletePerson(ctx.db, id, ctx.operator()),
  'personnel.transfer': (input, ctx) => transferPerson(ctx.db, input, ctx.today(), ctx.operator()),
  'personnel.legalReview': (_input, ctx) => {
    const settings = ctx.settings();
    return legalReviewByUnit(ctx.db, ctx.today(), settings.expiryWarningDays, settings.legalReviewerMinRatio);
  },

  'certificates.transition': (step, ctx) => applyCertificateStep(ctx.db, step, lifecycleContext(ctx)),
  'certificates.withdraw': ({ personId, certType }, ctx) => withdrawApplication(ctx.db, personId, certType, ctx.operator()),
  'certificates.correct': (input, ctx) => correctCertificate(ctx.db, input, ctx.today(), ctx.operator()),
  'certificates.recordExam': (input, ctx) => {
    const kind = ctx.db.prepare(`SELECT personnel_kind FROM personnel WHERE id = ?`).pluck().get(input.personId) as '执法人员' | '监督人员' | undefined;
    if (kind === undefined) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
    return recordExam(ctx.db, input, { today: ctx.today(), operator: ctx.operator(), passMark: ctx.settings().examPassMark }, certTypeFor(kind));
  },
  'certificates.deleteExam': ({ examId }, ctx) => deleteExam(ctx.db, examId, ctx.operator()),
  'certificates.announce': ({ certificateIds, announceDate, docRef }, ctx) => announceCancellations(ctx.db, certificateIds, announceDate, docRef, ctx.today(), ctx.operator()),

  'training.add': ({ personIds, ...values }, ctx) => addTraining(ctx.db, personIds, values, ctx.today(), ctx.operator()),
  'training.update': ({ id, ...values }, ctx) => updateTraining(ctx.db, id, values, ctx.today(), ctx.operator()),
  'training.delete': ({ id }, ctx) => deleteTraining(ctx.db, id, ctx.operator()),
  'training.summary': ({ year, unitIds, onlyShort }, ctx) => {
    const settings = ctx.settings();
    const today = ctx.today();
    return trainingSummary(ctx.db, {
      year: year ?? Number(today.slice(0, 4)),
      unitIds,
      onlyShort,
      today,
      warningDays: settings.expiryWarningDays,
      requiredHours: settings.annualTrainingHours,
    });
  },

  'rosters.get': (request, ctx) => {
    const doc = buildRosterDocument(ctx.db, request, { today: ctx.today(), settings: ctx.settings() });
    if (doc.fullIdNumbers) recordAccess(ctx, { kind: 'print_full_ids', summary: `打印预览“${ROSTER_DOCUMENT_LABELS[doc.kind]}”，含 ${doc.total} 人的完整身份证号` });
    return doc;
  },
  'rosters.exportXlsx': async (request, ctx) => {
    const doc = buildRosterDocument(ctx.db, request, { today: ctx.today(), settings: ctx.settings() });
    if (doc.fullIdNumbers) recordAccess(ctx, { kind: 'export_full_ids', summary: `导出 Excel“${ROSTER_DOCUMENT_LABELS[doc.kind]}”，含 ${doc.total} 人的完整身份证号` });
    const buffer = await rosterWorkbook(doc);
    const name = `${ROSTER_DOCUMENT_LABELS[doc.kind]}_${doc.date}.xlsx`;
    const info = ctx.files.putExport(name, buffer);
    return { fileId: info.fileId, name: info.name, rows: doc.total };
  },
} satisfies Handlers<typeof personnelMethods & typeof certificateMethods & typeof trainingMethods & typeof rosterMethods>;
