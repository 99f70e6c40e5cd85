import path from 'node:path';
import { cellText } from '../../../shared/import/cell-cleaning.ts';
import { fieldLabel, SHAPES } from '../../../shared/import/column-synonyms.ts';
import { isInstructionSheetName, listKindsNamedIn } from '../../../shared/import/kind-keywords.ts';
import { AGENCY_SOURCE_LABELS, shapeOfKind, type AgencySource, type ImportKind, type SheetKind, type TableShape } from '../../../shared/import/import-kinds.ts';
import { makeIssue, type ImportIssue } from '../../../shared/import/issues.ts';
import { normaliseHeader, tidyText } from '../../../shared/import/text-normalise.ts';
import { LIST_KIND_LABELS, type ListKind } from '../../../shared/domain/list-kinds.ts';
import type { ColumnMapping } from './mapping-store.ts';
import { fillMerges } from './merge-fill.ts';
import type { ParsedSheet } from './parse-workbook.ts';
import { classifyRow, classifyRowAbove, findHeader, type HeaderColumn } from './table-finder.ts';
import { unitName, unitNamedIn, type UnitIndex } from './unit-matcher.ts';

/**
 * Everything about a sheet that does not depend on the registry's records: whether it is skipped,
 * which kind of table it holds, which agency sent it, where its header is, which column is which
 * field, and which rows are data. The clerk's corrections (kind, agency, mapping) come in as
 * options and win over what was recognised.
 */

export interface SheetOptions {
  kind?: ImportKind;
  unitId?: number;
  /** Column letter → field (null: do not import the column). */
  mapping?: ColumnMapping;
}

export interface FileContext {
  fileName: string;
  relativePath: string | null;
  /** The agency the clerk (or --agency) set for the whole file. */
  agencyOverride: number | null;
}

export interface SheetAnalysis {
  index: number;
  name: string;
  kind: SheetKind;
  /** The layout the rows are read with (also set when the list kind is undecided). */
  shape: TableShape | null;
  reason: string | null;
  agency: { unitId: number; name: string; source: AgencySource } | null;
  /** 1-based. */
  headerRows: number[];
  columns: { column: string; header: string; field: string | null; index: number }[];
  /** field → column index. */
  fieldColumns: Map<string, number>;
  signature: string;
  mappingRemembered: boolean;
  /** 0-based indexes of data rows. */
  dataRows: number[];
  skippedRows: { row: number; reason: string }[];
  issues: ImportIssue[];
  /** Why no kind could be settled for a list sheet (the UI offers the four kinds). */
  kindUndecided: boolean;
  /** The texts that may name the agency, strongest source first (for units-to-add.ts when none names a known unit). */
  agencyTexts: { source: AgencySource; texts: string[] }[];
  /** True when the strongest source naming a unit could mean several (the clerk decides; nothing is proposed). */
  agencyAmbiguous: boolean;
  /** The distinct values of the 单位 column in the data rows. */
  unitColumnValues: string[];
  /** Every data row names its unit in the 单位 column (a 汇总 sheet: no agency for the whole sheet is needed). */
  unitColumnFilled: boolean;
}

export type RememberedLookup = (unitId: number | null, kind: ImportKind, signature: string) => ColumnMapping | null;

const GENERIC_SHEET = /^(sheet|工作表|表)\s*\d*$/i;

function skipped(sheet: ParsedSheet, index: number, reason: string, file: string, issues: ImportIssue[] = []): SheetAnalysis {
  return {
    index,
    name: sheet.name,
    kind: 'skipped',
    shape: null,
    reason,
    agency: null,
    headerRows: [],
    columns: [],
    fieldColumns: new Map(),
    signature: '',
    mappingRemembered: false,
    dataRows: [],
    skippedRows: [],
    issues: issues.length > 0 ? issues : [makeIssue('SHEET_SKIPPED', { file, sheet: sheet.name }, `已跳过：${reason}`)],
    kindUndecided: false,
    agencyTexts: [],
    agencyAmbiguous: false,
    unitColumnValues: [],
    unitColumnFilled: false,
  };
}

function listKindFrom(texts: readonly string[]): { kind: ListKind | null; ambiguous: ListKind[] } {
  for (const t of texts) {
    const kinds = listKindsNamedIn(t);
    if (kinds.length === 1) return { kind: kinds[0] ?? null, ambiguous: [] };
    if (kinds.length > 1) return { kind: null, ambiguous: kinds };
  }
  return { kind: null, ambiguous: [] };
}

export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => `${c.column}:${normaliseHeader(c.header)}`).join('|');
}

export function analyseSheet(sheet: ParsedSheet, index: number, file: FileContext, units: UnitIndex, options: SheetOptions, remembered: RememberedLookup): SheetAnalysis {
  const fileName = file.fileName;
  const place = { file: fileName, sheet: sheet.name };
  if (sheet.hidden && !options.kind) return skipped(sheet, index, '隐藏的工作表', fileName);
  if (isInstructionSheetName(sheet.name) && !options.kind) return skipped(sheet, index, '填表说明', fileName);
  if (sheet.rows.length === 0) return skipped(sheet, index, '空工作表', fileName);

  const wide = fillMerges(sheet);
  const verticalMergeRows = new Set<number>();
  for (const m of sheet.merges) if (m.e.r > m.s.r) for (let r = m.s.r; r < m.e.r; r += 1) verticalMergeRows.add(r);
  const found = findHeader(sheet.rows, verticalMergeRows, options.kind ? [shapeOfKind(options.kind)] : undefined);
  if (!found) {
    return skipped(sheet, index, '未找到可识别的表头', fileName, [
      makeIssue(
        'HEADER_NOT_FOUND',
        place,
        '没有找到可识别的表头（如“姓名、身份证号”或“检查事项名称、事项类别”或“违法行为、处罚依据”），无法判断这是哪一类表格。如果这是要导入的表，请在“列对应”中指定表格类型。',
      ),
    ]);
  }
  const issues: ImportIssue[] = [];
  const shape = found.shape;
  const headerStart = found.headerRows[0] ?? 0;
  const headerEnd = found.headerRows[found.headerRows.length - 1] ?? headerStart;

  // Rows above the header: title and 填报单位 lines (also the agency's and the list kind's best witnesses).
  const skippedRows: { row: number; reason: string }[] = [];
  const titleTexts: string[] = [];
  const fillInTexts: string[] = [];
  let firstAbove = true;
  for (let r = 0; r < headerStart; r += 1) {
    const cls = classifyRowAbove(sheet.rows, r, firstAbove);
    if (cls.kind !== 'skipped') continue;
    firstAbove = false;
    skippedRows.push({ row: r + 1, reason: cls.reason });
    const texts = [...new Set((sheet.rows[r] ?? []).map((v) => tidyText(cellText(v ?? null))).filter(Boolean))];
    (cls.reason === '填报信息行' ? fillInTexts : titleTexts).push(texts.join(' '));
  }

  // Kind.
  let kind: SheetKind;
  let reason: string | null = null;
  let kindUndecided = false;
  if (options.kind) {
    kind = options.kind;
  } else if (shape !== 'penalty_list') {
    kind = shape;
  } else {
    const sources = [...titleTexts, sheet.name, path.basename(fileName, path.extname(fileName))];
    const { kind: listKind, ambiguous } = listKindFrom(sources);
    if (listKind) {
      kind = listKind;
    } else {
      kind = 'skipped';
      kindUndecided = true;
      if (ambiguous.length > 1) {
        reason = `无法确定是哪一项清单（标题同时提到${ambiguous.map((k) => `“${LIST_KIND_LABELS[k]}”`).join('和')}）`;
        issues.push(makeIssue('KIND_AMBIGUOUS', place, `${reason}。一张工作表只能是一项清单，请在“列对应”中选择清单类型，或让报送单位分表报送。`));
      } else {
        reason = '无法确定是哪一项清单（标题、工作表名和文件名都没有写明）';
        issues.push(makeIssue('KIND_UNKNOWN', place, `${reason}。请在“列对应”中选择清单类型。`));
      }
    }
  }

  // Columns and mapping: recognised, then a remembered mapping, then the clerk's corrections.
  const signature = headerSignature(found.columns);
  const columns = found.columns.map((c) => ({ column: c.column, header: c.header, field: c.field, index: c.index }));
  // Data rows need the mapping (which columns carry data), so classify after mapping; the agency
  // needs the data rows (a 单位 column) — so: provisional mapping → rows → agency → remembered mapping.
  const applyMapping = (mapping: ColumnMapping | null | undefined) => {
    if (!mapping) return;
    for (const c of columns) if (Object.hasOwn(mapping, c.column)) c.field = mapping[c.column] ?? null;
  };
  applyMapping(options.mapping);

  const classify = () => {
    const dataColumns = new Set(columns.filter((c) => c.field !== null && c.field !== 'seq').map((c) => c.index));
    const seq = columns.find((c) => c.field === 'seq');
    const headerByColumn = new Map(columns.map((c) => [c.index, normaliseHeader(c.header.split('/').pop() ?? c.header)]));
    const data: number[] = [];
    const skippedBelow: { row: number; reason: string }[] = [];
    for (let r = headerEnd + 1; r < sheet.rows.length; r += 1) {
      const cls = classifyRow(sheet.rows, r, { dataColumns, seqColumn: seq?.index ?? null, headerByColumn, wideMerges: wide });
      if (cls.kind === 'data') data.push(r);
      else if (cls.kind === 'skipped') skippedBelow.push({ row: r + 1, reason: cls.reason });
    }
    return { data, skippedBelow };
  };
  let rows = classify();

  // The 单位 column: a 汇总 sheet names each row's unit there (often in vertically merged cells).
  const unitColumn = shape === 'personnel' ? (columns.find((c) => c.field === 'unit')?.index ?? null) : null;
  const unitColumnValues = new Set<string>();
  let unitColumnFilled = unitColumn !== null && rows.data.length > 0;
  if (unitColumn !== null) {
    for (const r of rows.data) {
      const t = tidyText(cellText(sheet.rows[r]?.[unitColumn] ?? null));
      if (t) unitColumnValues.add(t);
      else unitColumnFilled = false;
    }
  }

  // Agency (the clerk's own unit list has none).
  const recognised =
    shape === 'units'
      ? { agency: null, texts: [], ambiguous: false }
      : recogniseAgency({
          sheet,
          fileName,
          file,
          units,
          options,
          titleTexts,
          fillInTexts,
          unitColumn,
          unitColumnValues,
          agencyOptional: unitColumnFilled,
          issues,
          place,
        });
  const agency = recognised.agency;
  if (agency && units.units.get(agency.unitId)?.toAdd) {
    issues.push(makeIssue('AGENCY_TO_ADD', place, `报送单位“${agency.name}”不在单位名单中，导入这个文件时一并新增（可在“新增单位”中修改类型，或改为已有单位）。`));
  }

  // A mapping the clerk confirmed before for this agency, kind and header layout.
  let mappingRemembered = false;
  if (!options.mapping && kind !== 'skipped') {
    const saved = remembered(agency?.unitId ?? null, kind, signature);
    if (saved) {
      applyMapping(saved);
      mappingRemembered = true;
      rows = classify();
      issues.push(makeIssue('MAPPING_REMEMBERED', place, '已按上次确认的列对应关系读取（同一单位、同样的表头）。'));
    }
  }

  // Stand-ins, required columns, duplicates, unread columns.
  const def = SHAPES[shape];
  const fieldColumns = new Map<string, number>();
  for (const c of columns) {
    if (c.field === null) continue;
    const previous = fieldColumns.get(c.field);
    if (previous !== undefined && c.field !== 'seq') {
      const first = columns.find((x) => x.index === previous);
      issues.push(
        makeIssue(
          'COLUMN_DUPLICATE',
          { ...place, column: c.column, header: c.header },
          `“${c.header}”列和 ${first?.column ?? ''} 列“${first?.header ?? ''}”都对应“${fieldLabel(shape, c.field)}”，无法确定用哪一列。请在“列对应”中把其中一列设为“不导入”。`,
        ),
      );
      continue;
    }
    if (previous === undefined) fieldColumns.set(c.field, c.index);
  }
  for (const [field, standIn] of Object.entries(def.standIns ?? {})) {
    const standInColumn = fieldColumns.get(standIn);
    if (!fieldColumns.has(field) && standInColumn !== undefined) {
      fieldColumns.set(field, standInColumn);
      fieldColumns.delete(standIn);
      const c = columns.find((x) => x.index === standInColumn);
      if (c) c.field = field;
      issues.push(
        makeIssue(
          'COLUMN_STAND_IN',
          { ...place, column: c?.column ?? null, header: c?.header ?? null },
          `表中没有单独的“${fieldLabel(shape, field)}”列，按“${c?.header ?? ''}”列登记为${fieldLabel(shape, field)}。`,
        ),
      );
    }
  }
  for (const field of def.required) {
    if (!fieldColumns.has(field)) {
      issues.push(makeIssue('REQUIRED_COLUMN_MISSING', place, `缺少“${fieldLabel(shape, field)}”列，这张表无法导入。如果表中有这一列但表头写法不同，请在“列对应”中指定。`));
    }
  }
  const unread = columns.filter((c) => c.field === null);
  if (unread.length > 0) {
    issues.push(makeIssue('COLUMN_UNMAPPED', place, `以下列不导入：${unread.map((c) => `${c.column} 列“${c.header}”`).join('、')}。如需导入，请在“列对应”中指定。`));
  }

  skippedRows.push(...rows.skippedBelow);
  if (rows.data.length === 0) {
    issues.push(makeIssue('NO_DATA_ROWS', place, '只有表头，没有数据行。请让报送单位确认是否漏填。'));
  }
  if (sheet.declaredRange) {
    issues.push(makeIssue('DECLARED_RANGE_IGNORED', place, `工作表声明的数据范围是 ${sheet.declaredRange}（远大于实际内容），已忽略该声明，只读取有内容的 ${sheet.rows.length} 行。`));
  }

  const mapping: Record<string, string> = {};
  for (const [field, colIndex] of fieldColumns) {
    const c = columns.find((x) => x.index === colIndex);
    if (c) mapping[field] = c.column;
  }

  return {
    index,
    name: sheet.name,
    kind,
    shape,
    reason,
    agency,
    headerRows: found.headerRows.map((r) => r + 1),
    columns,
    fieldColumns,
    signature,
    mappingRemembered,
    dataRows: rows.data,
    skippedRows: skippedRows.sort((a, b) => a.row - b.row),
    issues,
    kindUndecided,
    agencyTexts: recognised.texts,
    agencyAmbiguous: recognised.ambiguous,
    unitColumnValues: [...unitColumnValues],
    unitColumnFilled,
  };
}

interface AgencyInput {
  sheet: ParsedSheet;
  fileName: string;
  file: FileContext;
  units: UnitIndex;
  options: SheetOptions;
  titleTexts: string[];
  fillInTexts: string[];
  unitColumn: number | null;
  unitColumnValues: ReadonlySet<string>;
  /** Every row names its own unit: no agency for the whole sheet is needed. */
  agencyOptional: boolean;
  issues: ImportIssue[];
  place: { file: string; sheet: string };
}

interface RecognisedAgency {
  agency: SheetAnalysis['agency'];
  texts: SheetAnalysis['agencyTexts'];
  ambiguous: boolean;
}

/**
 * Sources from strongest to weakest: the clerk, a 单位 column naming one unit throughout, the
 * 填报单位 line, the title, the sheet name, the file name, the folder. The strongest source that
 * names a unit decides; a weaker one naming another unit raises a warning; an ambiguous strongest
 * source is an error for the clerk to settle.
 */
function recogniseAgency(input: AgencyInput): RecognisedAgency {
  const { units, options, file, place, issues } = input;
  const candidates: { source: AgencySource; texts: string[] }[] = [];
  const override = options.unitId ?? file.agencyOverride;
  if (override !== null && override !== undefined && units.units.has(override)) {
    return { agency: { unitId: override, name: unitName(units, override), source: 'override' }, texts: candidates, ambiguous: false };
  }
  if (input.unitColumn !== null) {
    const names = input.unitColumnValues;
    const ids = new Set<number>();
    let unresolved = false;
    for (const n of names) {
      const m = unitNamedIn(units, n);
      if (m.kind === 'one') ids.add(m.unitId);
      else unresolved = true;
    }
    if (ids.size === 1 && !unresolved) candidates.push({ source: 'column', texts: [...names].slice(0, 1) });
  }
  candidates.push({ source: 'fill_in', texts: input.fillInTexts });
  candidates.push({ source: 'title', texts: input.titleTexts });
  if (!GENERIC_SHEET.test(input.sheet.name.trim())) candidates.push({ source: 'sheet_name', texts: [input.sheet.name] });
  candidates.push({ source: 'file_name', texts: [path.basename(input.fileName, path.extname(input.fileName))] });
  if (file.relativePath) {
    const dirs = path
      .dirname(file.relativePath)
      .split(/[\\/]/)
      .filter((d) => d && d !== '.');
    candidates.push({ source: 'folder', texts: dirs.reverse() });
  }

  let chosen: { unitId: number; source: AgencySource } | null = null;
  const found = (unitId: number, source: AgencySource): RecognisedAgency => ({ agency: { unitId, name: unitName(units, unitId), source }, texts: candidates, ambiguous: false });
  for (const candidate of candidates) {
    for (const text of candidate.texts) {
      const m = unitNamedIn(units, text);
      if (m.kind === 'none') continue;
      if (m.kind === 'ambiguous') {
        if (chosen) continue;
        issues.push(
          makeIssue(
            'AGENCY_AMBIGUOUS',
            place,
            `“${text}”可能指${m.unitIds.map((id) => `“${unitName(units, id)}”`).join('或')}，无法确定报送单位。请在预览中选择单位（也可在 设置 › 单位管理 中为单位补充别名）。`,
          ),
        );
        return { agency: null, texts: candidates, ambiguous: true };
      }
      if (!chosen) {
        chosen = { unitId: m.unitId, source: candidate.source };
      } else if (m.unitId !== chosen.unitId) {
        issues.push(
          makeIssue(
            'AGENCY_DISAGREES',
            place,
            `按${AGENCY_SOURCE_LABELS[chosen.source]}识别为“${unitName(units, chosen.unitId)}”，但${AGENCY_SOURCE_LABELS[candidate.source]}“${text}”指向“${unitName(units, m.unitId)}”。已按前者处理，请核对。`,
          ),
        );
        return found(chosen.unitId, chosen.source);
      }
      break;
    }
  }
  if (!chosen) {
    // A 汇总 sheet whose every row names its unit needs no agency for the whole sheet.
    if (!input.agencyOptional) {
      issues.push(makeIssue('AGENCY_UNKNOWN', place, '无法从标题、填报单位、工作表名或文件名识别报送单位。请在预览中选择单位（也可在 设置 › 单位管理 中为单位补充别名，下次即可自动识别）。'));
    }
    return { agency: null, texts: candidates, ambiguous: false };
  }
  return found(chosen.unitId, chosen.source);
}
