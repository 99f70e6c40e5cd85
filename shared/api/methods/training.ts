import { z } from 'zod';
import { CERT_STATUSES } from '../../domain/certificate-status.ts';
import { defineMethods } from '../define.ts';
import { idSchema, isoDateSchema, operationResultSchema, optionalText } from '../schema-parts.ts';

/** Training records and the yearly class-hour requirement. */

const trainingValues = {
  trainingDate: isoDateSchema,
  course: z.string().trim().min(1, '请填写培训内容').max(100, '培训内容不能超过100个字'),
  hours: z.number().positive('学时应大于0').max(200, '一次培训不超过200学时').multipleOf(0.5, '学时以0.5为单位'),
  organiser: optionalText(60, '组织单位'),
  notes: optionalText(200, '备注'),
};

export const trainingPersonSchema = z.object({
  personId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  post: z.string().nullable(),
  status: z.enum(CERT_STATUSES),
  hours: z.number(),
  shortfall: z.number(),
  courses: z.number().int(),
});

export const trainingMethods = defineMethods({
  'training.add': {
    title: '登记培训',
    input: z.object({ personIds: z.array(idSchema).min(1, '请选择参加培训的人员').max(100_000), ...trainingValues }).strict(),
    output: z.object({ operationId: z.number().int().nullable(), count: z.number().int() }),
  },
  'training.update': {
    title: '修改培训记录',
    input: z.object({ id: idSchema, ...trainingValues }).strict(),
    output: operationResultSchema,
  },
  'training.delete': {
    title: '删除培训记录',
    input: z.object({ id: idSchema }).strict(),
    output: operationResultSchema,
  },
  'training.summary': {
    title: '培训学时统计',
    input: z
      .object({
        year: z.number().int().min(2000).max(2100).nullable().default(null),
        unitIds: z.array(idSchema).max(500).default([]),
        onlyShort: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      year: z.number().int(),
      requiredHours: z.number(),
      people: z.array(trainingPersonSchema),
      units: z.array(
        z.object({
          unitId: z.number().int(),
          unitName: z.string(),
          required: z.number().int(),
          short: z.number().int(),
          averageHours: z.number(),
        }),
      ),
    }),
  },
});
