import { columnLetter } from '../../../shared/domain/spreadsheet-text.ts';
import { makeIssue, type ImportIssue, type IssueCode } from '../../../shared/import/issues.ts';
import type { CheckedRow, FileState } from './check-file.ts';
import type { SheetAnalysis } from './sheet-analysis.ts';

/**
 * What reading the file found, as the clerk's warnings: cells beyond the column cap (ignored),
 * texts longer than a cell may hold (cut), cells whose text is an XML entity reference such as
 * “&xxe;” (kept as written: SheetJS expands no entities), and a DTD or entity declaration inside
 * the file. A finding in a data row goes on that row (its cell turns yellow in the preview);
 * anywhere else on the sheet. The DTD warning goes on the file's first sheet.
 */

const n = (v: number) => v.toLocaleString('en-US');

export function addParseFindings(state: FileState, analysis: SheetAnalysis, rows: readonly CheckedRow[], sheetIssues: ImportIssue[]): void {
  const sheet = state.parsed?.sheets[analysis.index];
  if (!sheet) return;
  const base = { file: state.file, sheet: analysis.name };
  const put = (code: IssueCode, r: number, c: number, detail: string) => {
    const col = analysis.columns.find((x) => x.index === c);
    const place = { ...base, row: r + 1, column: col?.column ?? columnLetter(c), header: col?.header ?? null, field: col?.field ?? null };
    const row = rows.find((x) => x.draft.rowIndex === r);
    if (row) row.draft.issues.push(makeIssue(code, place, detail));
    else sheetIssues.push(makeIssue(code, place, detail));
  };

  const f = sheet.findings;
  if (f?.columnsCut) {
    const { row, column, count, limit } = f.columnsCut;
    const detail = `从这一格起共有 ${n(count)} 个有内容的单元格在第 ${limit} 列（${columnLetter(limit - 1)} 列）之后，超出导入的列数上限，已忽略。如这些内容需要导入，请让报送单位把它们移到前面的列中。`;
    sheetIssues.push(makeIssue('COLUMNS_BEYOND_LIMIT', { ...base, row: row + 1, column: columnLetter(column) }, detail));
  }
  if (f?.textCut) {
    const { row, column, length, count, limit } = f.textCut;
    const more = count > 1 ? `（本表共有 ${n(count)} 个这样的单元格）` : '';
    put('CELL_TEXT_CUT', row, column, `单元格有 ${n(length)} 个字符，超过每个单元格 ${n(limit)} 个字符的上限，只读取了前 ${n(limit)} 个字符${more}。请核对这一格的内容。`);
  }
  for (const e of f?.entityCells ?? []) {
    put('XML_ENTITY_TEXT', e.row, e.column, `单元格内容“${e.text}”是 XML 实体引用的原样文字：本程序不展开实体，按原文读取。正常填写的表格不会这样，请核对这一格，并向报送单位核实文件来源。`);
  }
  if (f && f.entityCount > f.entityCells.length) {
    sheetIssues.push(makeIssue('XML_ENTITY_TEXT', base, `另有 ${n(f.entityCount - f.entityCells.length)} 个单元格的内容也是 XML 实体引用的原样文字，请核对。`));
  }
  const parts = state.parsed?.doctypeParts ?? [];
  if (analysis.index === 0 && parts.length > 0) {
    const names = parts.map((p) => `“${p}”`).join('、');
    sheetIssues.push(
      makeIssue(
        'XML_DOCTYPE',
        base,
        `文件内部的 ${names} 声明了 DTD 或实体（<!DOCTYPE …>、<!ENTITY …>），Excel、WPS 保存的文件不会这样。本程序不展开实体、不读取其中引用的外部文件，按原文读取；请向报送单位核实文件来源。`,
      ),
    );
  }
}
