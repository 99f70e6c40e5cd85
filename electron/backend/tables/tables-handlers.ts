import { TABLE_LABELS, type tableMethods, type TableRequest } from '../../../shared/api/methods/tables.ts';
import { recordAccess } from '../access/access-log.ts';
import type { BackendContext } from '../context.ts';
import type { Handlers } from '../handler-types.ts';
import { shapeTable, tableCsv, tableDocument, tableWorkbook, type ShapedTable } from './table-output.ts';
import { loadTable } from './table-sources.ts';

function shaped(request: TableRequest, ctx: BackendContext): ShapedTable {
  return shapeTable(loadTable(ctx, request), request);
}

/** Only a table that shows ID numbers and was asked for them in full hands full numbers out. */
function showsFullIds(table: ShapedTable, request: TableRequest): boolean {
  return request.fullIdNumbers && table.data.fullIds > 0 && table.columns.some((c) => c.key === 'idNumber');
}

export const tableHandlers = {
  'tables.print': (request, ctx) => {
    const table = shaped(request, ctx);
    const full = showsFullIds(table, request);
    const doc = tableDocument(request.query.kind, table, { today: ctx.today(), bureauName: ctx.settings().bureauName, fullIdNumbers: full });
    if (full) recordAccess(ctx, { kind: 'print_full_ids', summary: `打印预览“${TABLE_LABELS[request.query.kind]}”，含 ${doc.total} 人的完整身份证号` });
    return doc;
  },
  'tables.export': async ({ format, ...request }, ctx) => {
    const table = shaped(request, ctx);
    const today = ctx.today();
    if (showsFullIds(table, request)) {
      recordAccess(ctx, { kind: 'export_full_ids', summary: `导出${format === 'csv' ? ' CSV' : ' Excel'}“${TABLE_LABELS[request.query.kind]}”，含 ${table.rows.length} 人的完整身份证号` });
    }
    const bytes = format === 'csv' ? tableCsv(table) : await tableWorkbook(table, today);
    const base = table.data.title.startsWith(ctx.settings().bureauName) ? table.data.title.slice(ctx.settings().bureauName.length) || table.data.title : table.data.title;
    const info = ctx.files.putExport(`${base}_${today}.${format}`, bytes);
    return { fileId: info.fileId, name: info.name, rows: table.rows.length };
  },
} satisfies Handlers<typeof tableMethods>;
