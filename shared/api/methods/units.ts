import { z } from 'zod';
import { UNIT_KINDS } from '../../domain/unit-kinds.ts';
import { defineMethods } from '../define.ts';
import { idSchema, operationResultSchema, optionalText } from '../schema-parts.ts';

export const unitInputSchema = z
  .object({
    name: z.string().trim().min(2, '单位名称至少2个字').max(60, '单位名称不能超过60个字'),
    shortName: optionalText(30),
    kind: z.enum(UNIT_KINDS),
    keepsInspectionLists: z.boolean(),
    sortOrder: z.number().int().min(0).max(100_000),
    staffingQuota: z.number().int().min(0).max(100_000).nullable(),
    contactPerson: optionalText(30),
    contactPhone: optionalText(40),
    notes: optionalText(500),
    /** Other names the unit goes by in submissions (简称、曾用名). */
    aliases: z.array(z.string().trim().min(2).max(60)).max(20),
  })
  .strict();
export type UnitInput = z.input<typeof unitInputSchema>;

export const unitRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  keepsInspectionLists: z.boolean(),
  sortOrder: z.number().int(),
  staffingQuota: z.number().int().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  aliases: z.array(z.string()),
  personnelCount: z.number().int(),
  inspectionItemCount: z.number().int(),
  listItemCount: z.number().int(),
  updatedAt: z.string(),
});
export type UnitRow = z.infer<typeof unitRowSchema>;

export const unitMethods = defineMethods({
  'units.list': {
    title: '读取单位列表',
    input: z.object({}).strict(),
    output: z.object({ units: z.array(unitRowSchema) }),
  },
  'units.create': {
    title: '新增单位',
    input: unitInputSchema,
    output: z.object({ id: idSchema, operationId: z.number().int().nullable() }),
  },
  'units.update': {
    title: '修改单位',
    input: unitInputSchema.extend({ id: idSchema }).strict(),
    output: operationResultSchema,
  },
  'units.delete': {
    title: '删除单位',
    input: z.object({ id: idSchema }).strict(),
    output: operationResultSchema,
  },
});
