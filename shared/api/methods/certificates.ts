import { z } from 'zod';
import { CANCEL_REASONS, CERT_TYPES, EXAM_TYPES } from '../../domain/certificate-vocabulary.ts';
import { defineMethods } from '../define.ts';
import { idSchema, isoDateSchema, operationResultSchema, optionalText } from '../schema-parts.ts';

/** Certificate lifecycle steps (申领 … 注销), exams and cancellation announcements. */

export const certificateStepBase = {
  personId: idSchema,
  certType: z.enum(CERT_TYPES),
  /** The day the step took effect. */
  date: isoDateSchema,
  reason: optionalText(200, '事由'),
  /** 文号 or other document reference. */
  docRef: optionalText(80, '文号'),
};
export const certNumberSchema = z
  .string()
  .trim()
  .min(1, '请填写证件编号')
  .max(40, '证件编号不能超过40个字符')
  .refine((v) => !/[\s\u3000]/.test(v), '证件编号中不能有空格');

export const certificateStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('申领'), ...certificateStepBase }).strict(),
  z.object({ action: z.literal('考试合格'), ...certificateStepBase }).strict(),
  z
    .object({
      action: z.literal('发证'),
      ...certificateStepBase,
      certNumber: certNumberSchema,
      /** Defaults to the end of the configured validity (5 years: 2023-05-10 → 2028-05-09). */
      expiryDate: isoDateSchema.nullable().default(null),
    })
    .strict(),
  z.object({ action: z.literal('换证'), ...certificateStepBase, certNumber: certNumberSchema, expiryDate: isoDateSchema.nullable().default(null) }).strict(),
  /** A lost or damaged card: a new number, same validity. */
  z.object({ action: z.literal('补发'), ...certificateStepBase, certNumber: certNumberSchema }).strict(),
  z.object({ action: z.literal('暂扣'), ...certificateStepBase, reason: z.string().trim().min(1, '请填写暂扣事由').max(200) }).strict(),
  z.object({ action: z.literal('解除暂扣'), ...certificateStepBase }).strict(),
  z.object({ action: z.literal('吊销'), ...certificateStepBase, reason: z.string().trim().min(1, '请填写吊销事由').max(200) }).strict(),
  z
    .object({
      action: z.literal('注销'),
      ...certificateStepBase,
      cancelReason: z.enum(CANCEL_REASONS),
      /** The day the cancellation was announced, when it already was. */
      announceDate: isoDateSchema.nullable().default(null),
    })
    .strict(),
]);
export type CertificateStep = z.output<typeof certificateStepSchema>;
export type CertificateStepInput = z.input<typeof certificateStepSchema>;

export const certificateMethods = defineMethods({
  'certificates.transition': {
    title: '办理证件业务',
    input: certificateStepSchema,
    output: z.object({ operationId: z.number().int().nullable(), certificateId: z.number().int() }),
  },
  'certificates.withdraw': {
    title: '撤回申领',
    input: z.object({ personId: idSchema, certType: z.enum(CERT_TYPES) }).strict(),
    output: operationResultSchema,
  },
  'certificates.correct': {
    title: '更正证件信息',
    input: z
      .object({
        certificateId: idSchema,
        certNumber: certNumberSchema.nullable(),
        issueDate: isoDateSchema.nullable(),
        expiryDate: isoDateSchema.nullable(),
        reason: z.string().trim().min(1, '请填写更正原因').max(200),
      })
      .strict(),
    output: operationResultSchema,
  },
  'certificates.recordExam': {
    title: '登记考试成绩',
    input: z
      .object({
        personId: idSchema,
        examType: z.enum(EXAM_TYPES),
        examDate: isoDateSchema,
        score: z.number().min(0, '成绩不能小于0').max(100, '成绩不能大于100').nullable(),
        passed: z.boolean(),
        notes: optionalText(200, '备注'),
      })
      .strict(),
    output: z.object({
      operationId: z.number().int().nullable(),
      /** The application that moved from 待考试 to 考试合格 with this exam, if any. */
      advancedCertType: z.enum(CERT_TYPES).nullable(),
    }),
  },
  'certificates.deleteExam': {
    title: '删除考试记录',
    input: z.object({ examId: idSchema }).strict(),
    output: operationResultSchema,
  },
  'certificates.announce': {
    title: '登记注销公示',
    input: z
      .object({
        certificateIds: z.array(idSchema).min(1, '没有要登记的证件').max(10_000),
        announceDate: isoDateSchema,
        docRef: optionalText(80, '文号'),
      })
      .strict(),
    output: z.object({ operationId: z.number().int().nullable(), count: z.number().int() }),
  },
});
