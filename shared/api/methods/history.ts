import { z } from 'zod';
import { defineMethods } from '../define.ts';
import { isoDateSchema } from '../schema-parts.ts';

export const operationRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operator: z.string(),
  kind: z.string(),
  summary: z.string(),
  changeCount: z.number().int(),
  undoneBy: z.number().int().nullable(),
  undoes: z.number().int().nullable(),
});
export type OperationRow = z.infer<typeof operationRowSchema>;

/** Operation kinds (operations.kind) as the clerk reads them, in 操作记录 and its export. */
export const OPERATION_KIND_LABELS: Readonly<Record<string, string>> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  lifecycle: '证件',
  import: '导入',
  undo: '撤销',
  sample_data: '示例数据',
  other: '其他',
};

export const OPERATION_KINDS = ['create', 'update', 'delete', 'lifecycle', 'import', 'undo', 'sample_data', 'other'] as const;

export const historyMethods = defineMethods({
  'history.recent': {
    title: '读取操作记录',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        /** Days on the PC's calendar (the times are stored in UTC), both included. */
        from: isoDateSchema.nullable().default(null),
        to: isoDateSchema.nullable().default(null),
        kind: z.enum(OPERATION_KINDS).nullable().default(null),
        operator: z.string().max(60).nullable().default(null),
      })
      .strict(),
    /** `operators`: everyone who has recorded an operation, for the filter's list. */
    output: z.object({ operations: z.array(operationRowSchema), operators: z.array(z.string()) }),
  },
  'history.undo': {
    title: '撤销操作',
    input: z.object({ operationId: z.number().int().positive() }).strict(),
    output: z.object({ operationId: z.number().int(), summary: z.string() }),
  },
});
