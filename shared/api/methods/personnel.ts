import { z } from 'zod';
import { CERT_STATUSES } from '../../domain/certificate-status.ts';
import { CANCEL_REASONS, CERT_EVENT_TYPES, CERT_STATES, CERT_TYPES, EXAM_TYPES } from '../../domain/certificate-vocabulary.ts';
import { CERT_FLOWS } from '../../domain/certificate-flows.ts';
import { CERT_ACTIONS } from '../../domain/certificate-rules.ts';
import { PERSONNEL_KINDS, SEXES, STAFFING_TYPES } from '../../domain/personnel-fields.ts';
import { ROSTER_SORT_KEYS, SORT_ORDERS } from '../../domain/roster-query.ts';
import { UNIT_KINDS } from '../../domain/unit-kinds.ts';
import { defineMethods } from '../define.ts';
import { idSchema, isoDateSchema, operationResultSchema, optionalText } from '../schema-parts.ts';

/**
 * Personnel (执法人员): the roster, a person's record and history, transfers and legal-review staff.
 * Their certificates, training and printed rosters have method files of their own.
 * ID numbers leave the backend masked (430981********1234) unless a call asks for full numbers.
 */

// ---------------------------------------------------------------------------------------------
// Roster

export const rosterFilterSchema = z
  .object({
    /** Name, pinyin initials, ID number (or part), certificate number (or part). */
    search: z.string().trim().max(60).default(''),
    unitIds: z.array(idSchema).max(500).default([]),
    unitKind: z.enum(UNIT_KINDS).nullable().default(null),
    personnelKind: z.enum(PERSONNEL_KINDS).nullable().default(null),
    staffingTypes: z.array(z.enum(STAFFING_TYPES)).max(STAFFING_TYPES.length).default([]),
    /** Derived statuses (有效 / 即将到期 / … / 无证) of the roster certificate. */
    statuses: z.array(z.enum(CERT_STATUSES)).max(CERT_STATUSES.length).default([]),
    /**
     * Which certificate the roster shows: null = the one the person's role calls for (执法证, or
     * 监督证 for supervision staff), else only holders of that type, showing that card.
     */
    certType: z.enum(CERT_TYPES).nullable().default(null),
    /** Card in force that expires within this many days from today (0 = today). */
    expiringWithinDays: z.number().int().min(0).max(3650).nullable().default(null),
    /** With expiringWithinDays: also cards already expired (they need renewal too). */
    includeExpired: z.boolean().default(false),
    /** Below the yearly training requirement in the current year (people the rule applies to). */
    trainingShort: z.boolean().default(false),
    /** Only legal-review staff (法制审核人员). */
    legalReviewersOnly: z.boolean().default(false),
    /** A card in state 有效 expiring between these days (inclusive): the dashboard's month bars. */
    expiryFrom: isoDateSchema.nullable().default(null),
    expiryTo: isoDateSchema.nullable().default(null),
    /** Staff the training requirement applies to whose hours this year are ≥ min and < below. */
    trainingHoursMin: z.number().min(0).max(10_000).nullable().default(null),
    trainingHoursBelow: z.number().min(0).max(10_000).nullable().default(null),
    /** People issued / renewed / whose card was cancelled in a year (the annual report's figures). */
    certFlow: z
      .object({ kind: z.enum(CERT_FLOWS), year: z.number().int().min(2000).max(2100) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type RosterFilter = z.output<typeof rosterFilterSchema>;
export type RosterFilterInput = z.input<typeof rosterFilterSchema>;

export const rosterSortSchema = z.object({ key: z.enum(ROSTER_SORT_KEYS), order: z.enum(SORT_ORDERS) }).strict();
export type RosterSort = z.output<typeof rosterSortSchema>;

export const rosterRowSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  personnelKind: z.enum(PERSONNEL_KINDS),
  name: z.string(),
  sex: z.enum(SEXES),
  /** Masked unless full numbers were asked for. */
  idNumber: z.string(),
  /** Why the ID number fails the GB 11643 check, or null. */
  idProblem: z.string().nullable(),
  /** The sex the ID number states when it contradicts the recorded one. */
  sexFromId: z.enum(SEXES).nullable(),
  birthDate: z.string().nullable(),
  post: z.string().nullable(),
  staffingType: z.enum(STAFFING_TYPES),
  enforcementCategory: z.string().nullable(),
  enforcementScope: z.string().nullable(),
  isLegalReviewer: z.boolean(),
  certificateId: z.number().int().nullable(),
  certType: z.enum(CERT_TYPES),
  certNumber: z.string().nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  status: z.enum(CERT_STATUSES),
  /** Days to the expiry date (negative once expired), for cards in state 有效. */
  daysToExpiry: z.number().int().nullable(),
  trainingHours: z.number(),
  /** Whether the yearly training requirement applies (staff still in enforcement work). */
  trainingRequired: z.boolean(),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

// ---------------------------------------------------------------------------------------------
// One person

export const personValuesSchema = z
  .object({
    unitId: idSchema,
    personnelKind: z.enum(PERSONNEL_KINDS),
    name: z
      .string()
      .trim()
      .min(2, '姓名至少2个字')
      .max(30, '姓名不能超过30个字')
      .refine((v) => !/[\s\u3000]/.test(v), '姓名中不能有空格'),
    sex: z.enum(SEXES),
    /** Cleaned (full-width digits, spaces, lower-case x) and checked against GB 11643 by the service. */
    idNumber: z.string().trim().min(1, '请填写身份证号').max(40),
    post: optionalText(40, '职务'),
    staffingType: z.enum(STAFFING_TYPES),
    enforcementCategory: optionalText(40, '执法类别'),
    enforcementScope: optionalText(300, '执法范围'),
    isLegalReviewer: z.boolean(),
    phone: optionalText(40, '联系电话'),
    notes: optionalText(500, '备注'),
  })
  .strict();
export type PersonValues = z.output<typeof personValuesSchema>;

const certEventSchema = z.object({
  id: z.number().int(),
  eventType: z.enum(CERT_EVENT_TYPES),
  eventDate: z.string(),
  reason: z.string().nullable(),
  docRef: z.string().nullable(),
  operator: z.string(),
  details: z.string().nullable(),
});

const certificateSchema = z.object({
  id: z.number().int(),
  certType: z.enum(CERT_TYPES),
  certNumber: z.string().nullable(),
  state: z.enum(CERT_STATES),
  /** Derived status of this card as of today. */
  status: z.enum(CERT_STATUSES),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelDate: z.string().nullable(),
  announceDate: z.string().nullable(),
  replacesId: z.number().int().nullable(),
  events: z.array(certEventSchema),
});
export type CertificateRecord = z.infer<typeof certificateSchema>;

const actionCheckSchema = z.object({ ok: z.boolean(), message: z.string().nullable() });

const certificateSlotSchema = z.object({
  certType: z.enum(CERT_TYPES),
  /** The person's current card of this type (see current-certificate.ts), or null. */
  current: certificateSchema.nullable(),
  status: z.enum(CERT_STATUSES),
  /** Every card of this type, newest first (renewed ones included). */
  cards: z.array(certificateSchema),
  /** What may be done next, and why not (for greying out buttons). */
  actions: z.record(z.enum(CERT_ACTIONS), actionCheckSchema),
  canWithdraw: z.boolean(),
});
export type CertificateSlot = z.infer<typeof certificateSlotSchema>;

const examSchema = z.object({
  id: z.number().int(),
  examType: z.enum(EXAM_TYPES),
  examDate: z.string(),
  score: z.number().nullable(),
  passed: z.boolean(),
  notes: z.string().nullable(),
});

const trainingSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  trainingDate: z.string(),
  course: z.string(),
  hours: z.number(),
  organiser: z.string().nullable(),
  notes: z.string().nullable(),
});
export type TrainingRecord = z.infer<typeof trainingSchema>;

const transferSchema = z.object({
  id: z.number().int(),
  fromUnitId: z.number().int(),
  fromUnitName: z.string(),
  toUnitId: z.number().int(),
  toUnitName: z.string(),
  transferDate: z.string(),
  docRef: z.string().nullable(),
  notes: z.string().nullable(),
});

export const personDetailSchema = z.object({
  today: z.string(),
  person: rosterRowSchema.extend({
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  certificates: z.array(certificateSlotSchema),
  exams: z.array(examSchema),
  training: z.array(trainingSchema),
  trainingByYear: z.array(z.object({ year: z.number().int(), hours: z.number() })),
  trainingRequiredHours: z.number(),
  transfers: z.array(transferSchema),
  certValidityYears: z.number().int(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

const fieldChangeSchema = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export const personHistoryEntrySchema = z.object({
  operationId: z.number().int(),
  at: z.string(),
  operator: z.string(),
  kind: z.string(),
  summary: z.string(),
  undoneBy: z.number().int().nullable(),
  changes: z.array(
    z.object({
      table: z.string(),
      /** What the row is, in Chinese: 人员信息 / 证件 HN0981… / 培训记录 … */
      label: z.string(),
      action: z.enum(['insert', 'update', 'delete']),
      fields: z.array(fieldChangeSchema),
    }),
  ),
});
export type PersonHistoryEntry = z.infer<typeof personHistoryEntrySchema>;

// ---------------------------------------------------------------------------------------------
export const personnelMethods = defineMethods({
  'personnel.query': {
    title: '查询执法人员名册',
    input: z
      .object({
        filter: rosterFilterSchema,
        sort: rosterSortSchema.default({ key: 'unit', order: 'asc' }),
        /** Rows to return with the answer (the first screenful); the rest come from personnel.rows. */
        firstRows: z.number().int().min(0).max(500).default(60),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      /** Every matching person's id, in order: the table fetches rows for the part it shows. */
      ids: z.array(z.number().int()),
      rows: z.array(rosterRowSchema),
      today: z.string(),
      trainingYear: z.number().int(),
      trainingRequiredHours: z.number(),
    }),
  },
  'personnel.rows': {
    title: '读取执法人员',
    input: z
      .object({
        ids: z.array(idSchema).max(1000),
        certType: z.enum(CERT_TYPES).nullable().default(null),
      })
      .strict(),
    output: z.object({ rows: z.array(rosterRowSchema) }),
  },
  'personnel.get': {
    title: '读取人员详情',
    input: z.object({ id: idSchema }).strict(),
    output: personDetailSchema,
  },
  'personnel.revealIdNumber': {
    title: '显示完整身份证号',
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ idNumber: z.string() }),
  },
  'personnel.history': {
    title: '读取人员变更记录',
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ entries: z.array(personHistoryEntrySchema) }),
  },
  'personnel.vocabulary': {
    title: '读取常用职务和执法类别',
    input: z.object({}).strict(),
    output: z.object({
      posts: z.array(z.string()),
      categories: z.array(z.object({ category: z.string(), scope: z.string().nullable() })),
    }),
  },
  'personnel.create': {
    title: '新增执法人员',
    input: personValuesSchema,
    output: z.object({ id: idSchema, operationId: z.number().int().nullable() }),
  },
  'personnel.update': {
    title: '修改人员信息',
    input: z
      .object({
        id: idSchema,
        /** idNumber null keeps the recorded number (the form shows it masked unless the clerk changes it). */
        values: personValuesSchema.extend({ idNumber: z.string().trim().min(1, '请填写身份证号').max(40).nullable() }).strict(),
      })
      .strict(),
    output: operationResultSchema,
  },
  'personnel.delete': {
    title: '删除人员',
    input: z.object({ id: idSchema }).strict(),
    output: operationResultSchema,
  },
  'personnel.transfer': {
    title: '人员调动',
    input: z
      .object({
        id: idSchema,
        toUnitId: idSchema,
        date: isoDateSchema,
        docRef: optionalText(80, '文号'),
        notes: optionalText(200, '备注'),
        /** New post / category / scope in the new unit (null keeps the old value). */
        post: optionalText(40, '职务').default(null),
        enforcementCategory: optionalText(40, '执法类别').default(null),
        enforcementScope: optionalText(300, '执法范围').default(null),
      })
      .strict(),
    output: operationResultSchema,
  },
  'personnel.legalReview': {
    title: '法制审核人员配备情况',
    input: z.object({}).strict(),
    output: z.object({
      minRatio: z.number(),
      units: z.array(
        z.object({
          unitId: z.number().int(),
          unitName: z.string(),
          unitKind: z.enum(UNIT_KINDS),
          enforcementCount: z.number().int(),
          reviewers: z.number().int(),
          required: z.number().int(),
          missing: z.number().int(),
          ratio: z.number().nullable(),
          meetsRule: z.boolean(),
          reviewerNames: z.array(z.string()),
        }),
      ),
    }),
  },
});
