import { z } from 'zod';
import { CANCEL_REASONS } from '../../domain/certificate-vocabulary.ts';
import { fileCheckSchema, rowResultSchema } from '../../import/check-schema.ts';
import { UNIT_KINDS } from '../../domain/unit-kinds.ts';
import { CSV_ENCODINGS, IMPORT_KINDS } from '../../import/import-kinds.ts';
import { defineMethods } from '../define.ts';

/**
 * 导入: check submitted files (a job with progress and cancel) or a unit list pasted from Excel,
 * list the files checked in this session, preview them page by page, correct cells (one by one or
 * 批量填写), exclude rows, confirm transfers, decide on units to add, correct a sheet's kind, agency
 * or column mapping, commit one file per batch, undo a batch, export an error workbook for the
 * agency, download templates.
 */

const checkId = z.string().regex(/^[a-f0-9]{24}$/, '检查编号无效');
const fileId = z.string().regex(/^[a-f0-9]{32}$/, '文件编号无效');
const sheetIndex = z.number().int().min(0).max(255);
const rowNumber = z.number().int().min(1).max(1_048_576);
const columnLetter = z.string().regex(/^[A-Z]{1,3}$/, '列号无效');
const fieldKey = z.string().regex(/^[a-z_]{2,40}$/, '字段名无效');
const rowEdit = z.object({ file: fileCheckSchema, row: rowResultSchema.nullable() });

export const batchRowSchema = z.object({
  batchId: z.number().int(),
  operationId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  unitName: z.string().nullable(),
  kind: z.string(),
  rowsRead: z.number().int(),
  rowsAdded: z.number().int(),
  rowsChanged: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsError: z.number().int(),
  rowsWarning: z.number().int(),
  rowsSkipped: z.number().int(),
  committedAt: z.string(),
  operator: z.string(),
  summary: z.string(),
  undone: z.boolean(),
});
export type BatchRow = z.infer<typeof batchRowSchema>;

export const ROW_FILTERS = ['all', 'errors', 'warnings', 'changes'] as const;

export const importMethods = defineMethods({
  'import.check': {
    title: '检查导入文件',
    input: z
      .object({
        fileIds: z.array(fileId).min(1).max(500),
        encoding: z.enum(CSV_ENCODINGS).default('auto'),
        agencyUnitId: z.number().int().positive().nullable().default(null),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  'import.checkText': {
    title: '检查粘贴的单位名单',
    input: z
      .object({
        kind: z.literal('units'),
        /** Rows as Excel copies them (tab between cells, a line per row), or one unit name per line. */
        text: z.string().trim().min(1, '请粘贴或输入单位名单').max(200_000, '内容过长，请分批粘贴'),
      })
      .strict(),
    output: fileCheckSchema,
  },
  'import.sessions': {
    title: '读取本次检查的文件',
    input: z.object({}).strict(),
    output: z.object({ files: z.array(fileCheckSchema) }),
  },
  'import.checkResult': {
    title: '读取检查结果',
    input: z.object({ jobId: z.string().regex(/^[a-f0-9]{16,32}$/, '任务编号无效') }).strict(),
    output: z.object({ files: z.array(fileCheckSchema) }),
  },
  'import.file': {
    title: '读取文件检查结果',
    input: z.object({ checkId }).strict(),
    output: fileCheckSchema,
  },
  'import.rows': {
    title: '读取预览行',
    input: z
      .object({
        checkId,
        sheetIndex,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        filter: z.enum(ROW_FILTERS).default('all'),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(rowResultSchema) }),
  },
  'import.editCell': {
    title: '修改预览中的单元格',
    input: z.object({ checkId, sheetIndex, row: rowNumber, field: fieldKey, value: z.string().max(5000) }).strict(),
    output: rowEdit,
  },
  'import.excludeRow': {
    title: '排除或恢复一行',
    input: z.object({ checkId, sheetIndex, row: rowNumber, excluded: z.boolean() }).strict(),
    output: rowEdit,
  },
  'import.confirmTransfer': {
    title: '确认人员调动',
    input: z.object({ checkId, sheetIndex, row: rowNumber, confirmed: z.boolean() }).strict(),
    output: rowEdit,
  },
  'import.fillEmpty': {
    title: '批量填写',
    input: z
      .object({
        checkId,
        field: fieldKey,
        value: z.string().trim().min(1, '请填写要批量填入的内容').max(200),
        /** With rows: the clerk's selection in that sheet; without: every sheet of the file with the field. */
        sheetIndex: sheetIndex.optional(),
        rows: z.array(rowNumber).min(1).max(200_000).optional(),
      })
      .strict()
      .refine((v) => v.rows === undefined || v.sheetIndex !== undefined, { message: '选中的行须指明工作表', path: ['sheetIndex'] }),
    output: z.object({ file: fileCheckSchema, filled: z.number().int() }),
  },
  'import.setUnitToAdd': {
    title: '确定要新增的单位',
    input: z
      .object({
        checkId,
        key: z.string().min(1).max(120),
        kind: z.enum(UNIT_KINDS).optional(),
        keepsLists: z.boolean().optional(),
        /** The existing unit this name means (the name becomes its alias); null: add it as a new unit after all. */
        existingUnitId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    output: fileCheckSchema,
  },
  'import.setSheetOptions': {
    title: '更正工作表的类型、单位或列对应',
    input: z
      .object({
        checkId,
        sheetIndex,
        kind: z.enum(IMPORT_KINDS).nullable().optional(),
        unitId: z.number().int().positive().nullable().optional(),
        /** column letter → field key, or null for "do not import". */
        mapping: z.record(columnLetter, fieldKey.nullable()).nullable().optional(),
        remember: z.boolean().default(true),
      })
      .strict(),
    output: fileCheckSchema,
  },
  'import.setFileOptions': {
    title: '更正文件的编码或单位',
    input: z
      .object({
        checkId,
        encoding: z.enum(CSV_ENCODINGS).optional(),
        agencyUnitId: z.number().int().positive().nullable().optional(),
      })
      .strict(),
    output: fileCheckSchema,
  },
  'import.recheck': {
    title: '重新检查',
    input: z.object({ checkId }).strict(),
    output: fileCheckSchema,
  },
  'import.commit': {
    title: '导入文件',
    input: z
      .object({
        checkId,
        missing: z
          .array(
            z
              .object({
                sheetIndex,
                recordId: z.number().int().positive(),
                action: z.enum(['cancel_certificate', 'delete']),
                reason: z.enum(CANCEL_REASONS).optional(),
                date: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
                  .optional(),
              })
              .strict(),
          )
          .max(100_000)
          .default([]),
        skipErrorRows: z.boolean().default(false),
        allowRepeat: z.boolean().default(false),
        /** Add the units the file names that the unit list lacks (its unitsToAdd), in the same operation. */
        addUnits: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      batchId: z.number().int(),
      operationId: z.number().int(),
      summary: z.string(),
      added: z.number().int(),
      changed: z.number().int(),
      transferred: z.number().int(),
      cancelled: z.number().int(),
      deleted: z.number().int(),
      unitsAdded: z.number().int(),
    }),
  },
  'import.batches': {
    title: '读取导入记录',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ batches: z.array(batchRowSchema) }),
  },
  'import.undoBatch': {
    title: '撤销导入',
    input: z.object({ batchId: z.number().int().positive() }).strict(),
    output: z.object({ operationId: z.number().int(), summary: z.string() }),
  },
  'import.errorWorkbook': {
    title: '导出检查结果工作簿',
    input: z.object({ checkId }).strict(),
    output: z.object({ fileId: z.string(), name: z.string() }),
  },
  'import.template': {
    title: '下载导入模板',
    input: z.object({ kind: z.enum(IMPORT_KINDS) }).strict(),
    output: z.object({ fileId: z.string(), name: z.string() }),
  },
  'import.discard': {
    title: '移出检查列表',
    input: z.object({ checkIds: z.array(checkId).max(500) }).strict(),
    output: z.object({ discarded: z.number().int() }),
  },
});
