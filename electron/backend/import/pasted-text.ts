import { matchHeader } from '../../../shared/import/column-synonyms.ts';

/**
 * A unit list pasted from Excel or WPS (cells separated by tabs, a line per row; a cell holding a
 * line break or a tab comes in double quotes) or typed one name per line, turned into a CSV file
 * that goes through the same reading, checking, preview, commit and undo as any submitted file.
 * Without a header line of its own, the 单位名单 template's header is put on top, so the columns
 * are read in the template's order: 单位名称, 类型, 是否行政执法单位, 简称/别名.
 */

export const UNIT_LIST_HEADER = ['单位名称', '类型', '是否行政执法单位', '简称/别名'] as const;

/** Splits tab-separated text as Excel copies it: quoted cells may hold tabs, line breaks and "" for a quote. */
export function parseTabText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n');
  let atCellStart = true;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote (a doubled quote is a quote).
      i += 1;
      for (;;) {
        const c = src[i];
        if (c === undefined) break;
        if (c === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += c;
        i += 1;
      }
      atCellStart = false;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The pasted unit list as a UTF-8 CSV (with BOM), with the template's header when it has none. */
export function unitListCsv(text: string): Buffer {
  const rows = parseTabText(text);
  // A header in the first three lines that names the unit's name column.
  const hasHeader = rows.slice(0, 3).some((r) => r.some((c) => matchHeader('units', c) === 'name'));
  const all = hasHeader ? rows : [[...UNIT_LIST_HEADER], ...rows];
  return Buffer.from(`\ufeff${all.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
