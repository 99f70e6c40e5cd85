import { formatChineseDate } from '../../../shared/domain/dates.ts';
import { LIST_KINDS, RECORD_KIND_LABELS, type RecordKind } from '../../../shared/domain/list-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { fitWidth } from '../export/xlsx-style.ts';
import { XlsxWorkbook, type CellValue, type ColumnSpec, type TableRow } from '../export/xlsx-writer.ts';
import { LIST_SHEET, specFor } from '../import/templates.ts';
import { rosterSqlParts } from '../personnel/roster-query.ts';

/**
 * An agency's verification workbook (核对表): its people, inspection catalog and four lists as the
 * registry holds them, in the import template's layout (templates.ts: the same headers, drop-downs
 * and title lines), so the agency corrects it in place and sends it back, and the importer reads
 * it as a submission. Read back unchanged, every row is 无变化. ID numbers are in full: the file
 * goes to the agency whose people they are, and the import is keyed by them.
 */

export interface Agency {
  id: number;
  name: string;
}

export interface VerificationCounts {
  people: number;
  items: number;
  lists: number;
}

function unitRanges(db: Db): { unitRange: string; agencyRange: string; units: string[]; agencies: string[] } {
  const rows = db.prepare(`SELECT name, keeps_inspection_lists FROM units ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`).all() as {
    name: string;
    keeps_inspection_lists: number;
  }[];
  const units = rows.map((u) => u.name);
  const agencies = rows.filter((u) => u.keeps_inspection_lists === 1).map((u) => u.name);
  return {
    units,
    agencies,
    unitRange: `'${LIST_SHEET}'!$A$2:$A$${Math.max(2, units.length + 1)}`,
    agencyRange: `'${LIST_SHEET}'!$B$2:$B$${Math.max(2, agencies.length + 1)}`,
  };
}

/** The template's columns, widened to the agency's own text and with real dates where it has dates. */
function columnsFor(
  kind: RecordKind,
  ranges: ReturnType<typeof unitRanges>,
  rows: readonly Record<string, CellValue>[],
): { columns: ColumnSpec[]; validations: ReturnType<typeof specFor>['validations'] } {
  const spec = specFor(kind, ranges.unitRange, ranges.agencyRange);
  const columns = spec.columns.map((c): ColumnSpec => {
    if (c.key === 'issue_date' || c.key === 'expiry_date') return { ...c, kind: 'date', width: 12, align: 'center', wrap: false };
    if (c.kind === 'text') return { ...c, wrap: false };
    const values = rows.map((r) => String(r[c.key] ?? ''));
    return { ...c, width: Math.max(c.width, fitWidth(values, 4, c.width >= 24 ? 40 : c.width + 8)), wrap: true };
  });
  return { columns, validations: spec.validations };
}

interface PersonRow {
  name: string;
  sex: string;
  id_number: string;
  personnel_kind: string;
  staffing_type: string;
  post: string | null;
  enforcement_category: string | null;
  enforcement_scope: string | null;
  is_legal_reviewer: number;
  phone: string | null;
  notes: string | null;
  cert_type: string;
  cert_number: string | null;
  issue_date: string | null;
  expiry_date: string | null;
  state: string | null;
}

function peopleOf(db: Db, agency: Agency): Record<string, CellValue>[] {
  const parts = rosterSqlParts(null);
  const people = db
    .prepare(
      `SELECT p.name, p.sex, p.id_number, p.personnel_kind, p.staffing_type, p.post, p.enforcement_category, p.enforcement_scope,
              p.is_legal_reviewer, p.phone, p.notes, ${parts.certTypeExpr} AS cert_type, cc.cert_number, cc.issue_date, cc.expiry_date, cc.state
         FROM personnel p
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = ${parts.certTypeExpr}
        WHERE p.unit_id = ? ORDER BY p.id`,
    )
    .all(agency.id) as PersonRow[];
  return people.map((p, i) => {
    // Only a card the person holds (有效 or 暂扣) is listed; the importer never cancels or revokes from a cell.
    const holds = p.cert_number !== null && (p.state === '有效' || p.state === '暂扣');
    return {
      seq: i + 1,
      name: p.name,
      sex: p.sex,
      id_number: p.id_number,
      unit: agency.name,
      personnel_kind: p.personnel_kind,
      staffing_type: p.staffing_type,
      post: p.post,
      enforcement_category: p.enforcement_category,
      enforcement_scope: p.enforcement_scope,
      is_legal_reviewer: p.is_legal_reviewer === 1 ? '是' : '否',
      phone: p.phone,
      cert_type: holds ? p.cert_type : null,
      cert_number: holds ? p.cert_number : null,
      issue_date: holds ? p.issue_date : null,
      expiry_date: holds ? p.expiry_date : null,
      cert_state: holds ? p.state : null,
      notes: p.notes,
    };
  });
}

function itemsOf(db: Db, agency: Agency): Record<string, CellValue>[] {
  const rows = db
    .prepare(
      `SELECT item_code, name, category, basis, subject, undertaking_body, target, content, method, frequency, notes
         FROM inspection_items WHERE unit_id = ? ORDER BY sort_order, id`,
    )
    .all(agency.id) as Record<string, string | null>[];
  return rows.map((r, i) => ({ seq: i + 1, ...r }));
}

function listOf(db: Db, agency: Agency, kind: string): Record<string, CellValue>[] {
  const rows = db
    .prepare(`SELECT matter, violation, violation_basis, penalty_basis, conditions, discretion, notes FROM penalty_list_items WHERE unit_id = ? AND list_kind = ? ORDER BY sort_order, id`)
    .all(agency.id, kind) as Record<string, string | null>[];
  return rows.map((r, i) => ({ seq: i + 1, ...r }));
}

const INSTRUCTIONS = [
  '1. 本表是执法台账中贵单位现有的执法人员、分类检查事项目录和四项清单，请逐项核对。',
  '2. 有错误的，请直接在表中修改；新增的人员或事项，请加在各表末尾；已不在本单位的人员、已取消的事项，请删除该行。',
  '3. 请勿修改表头（第 3 行）的文字和顺序，不要合并单元格；第 2 行“填报单位”请保留。',
  '4. 身份证号、执法证号请以文本格式填写；日期请按“2024-03-15”格式填写。',
  '5. 证件只列持有的有效（含暂扣）证件；证件的注销、吊销等请另行书面说明，不要在表中填写。',
  '6. 台账中贵单位没有的清单（或目录）不附表；需要新增的，请向司法局索取相应的导入模板填写。',
  '7. 核对无误或修改完成后，请加盖公章，连同本文件一并报送司法局。',
];

/** One agency's verification workbook. */
export async function verificationWorkbook(db: Db, agency: Agency, today: string): Promise<{ bytes: Buffer; counts: VerificationCounts }> {
  const ranges = unitRanges(db);
  const book = new XlsxWorkbook();
  const fillIn = `填报单位（盖章）：${agency.name}　　　　核对日期：${formatChineseDate(today)}（台账数据）`;
  const sheets: { kind: RecordKind; rows: Record<string, CellValue>[] }[] = [
    { kind: 'personnel', rows: peopleOf(db, agency) },
    { kind: 'inspection_items', rows: itemsOf(db, agency) },
    ...LIST_KINDS.map((kind) => ({ kind, rows: listOf(db, agency, kind) })),
  ];
  // A kind the agency has nothing of gets no sheet: the importer reads a sheet of only a header as
  // a submission left blank (an error). The instructions point to the templates for new lists.
  for (const { kind, rows } of sheets.filter((s) => s.rows.length > 0)) {
    const { columns, validations } = columnsFor(kind, ranges, rows);
    // The personnel sheet also says which cards are suspended (the importer reads 证件状态).
    if (kind === 'personnel') columns.splice(columns.findIndex((c) => c.key === 'expiry_date') + 1, 0, { key: 'cert_state', header: '证件状态', width: 10, align: 'center', wrap: false });
    await book.addTableSheet({
      name: RECORD_KIND_LABELS[kind],
      title: `${agency.name}${RECORD_KIND_LABELS[kind]}`,
      subtitles: [fillIn],
      columns,
      rows: rows.map((values): TableRow => ({ values })),
      validations,
      footerLines: [],
    });
  }
  await book.addTextSheet('核对说明', `${agency.name}台账核对说明`, INSTRUCTIONS);
  await book.addTableSheet({
    name: LIST_SHEET,
    columns: [
      { key: 'unit', header: '单位', width: 30 },
      { key: 'agency', header: '执法主体', width: 30 },
    ],
    rows: Array.from({ length: Math.max(ranges.units.length, ranges.agencies.length) }, (_, i) => ({ values: { unit: ranges.units[i] ?? null, agency: ranges.agencies[i] ?? null } })),
    hidden: true,
  });
  const counts = {
    people: sheets[0]?.rows.length ?? 0,
    items: sheets[1]?.rows.length ?? 0,
    lists: sheets.slice(2).reduce((n, s) => n + s.rows.length, 0),
  };
  return { bytes: await book.finish(), counts };
}
