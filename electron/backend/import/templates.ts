import { CERT_TYPES } from '../../../shared/domain/certificate-vocabulary.ts';
import { INSPECTION_CATEGORIES, RECORD_KIND_LABELS, type RecordKind } from '../../../shared/domain/list-kinds.ts';
import type { ImportKind } from '../../../shared/import/import-kinds.ts';
import { PERSONNEL_KINDS, REPORTED_STAFFING_TYPES, SEXES } from '../../../shared/domain/personnel-fields.ts';
import type { Db } from '../db/open-database.ts';
import { XlsxWorkbook, type ColumnSpec } from '../export/xlsx-writer.ts';

/**
 * A blank template per kind, for agencies to fill in: the header the importer recognises, the ID
 * and certificate-number columns formatted as text (so Excel never turns an ID into a number),
 * dropdowns for unit, category, staffing and certificate type, and a 填表说明 sheet (which the
 * importer skips). Long dropdown lists (the units) come from a hidden list sheet, because an
 * inline list is capped at 255 characters.
 */

export const LIST_SHEET = '下拉选项';
const BLANK_ROWS = 200;

export interface TemplateSpec {
  title: string;
  columns: ColumnSpec[];
  validations: Record<string, { list: string[] } | { range: string }>;
  instructions: string[];
}

function col(key: string, header: string, width: number, kind?: ColumnSpec['kind']): ColumnSpec {
  return kind ? { key, header, width, kind } : { key, header, width };
}

const COMMON_INSTRUCTIONS = [
  '1. 请勿修改表头（第 3 行）的文字和顺序，不要合并单元格，不要插入空列。',
  '2. 第 2 行“填报单位”请填写单位全称（如“沅江市公安局”），导入时据此识别单位。',
  '3. 有下拉箭头的单元格请从下拉列表中选择。',
  '4. 日期请按“2024-03-15”格式填写（也可填写 2024.3.15 或 2024年3月15日）。',
  '5. 表格末尾不要添加合计行、签名行以外的其他内容；不需要的空行可以保留。',
];

export function specFor(kind: RecordKind, unitRange: string, agencyRange: string): TemplateSpec {
  if (kind === 'personnel') {
    return {
      title: '行政执法人员名册',
      columns: [
        col('seq', '序号', 6),
        col('name', '姓名', 10),
        col('sex', '性别', 6),
        col('id_number', '身份证号', 22, 'text'),
        col('unit', '单位', 24),
        col('personnel_kind', '人员类别', 11),
        col('staffing_type', '编制类型', 14),
        col('post', '职务', 16),
        col('enforcement_category', '执法类别', 12),
        col('enforcement_scope', '执法区域', 16),
        col('is_legal_reviewer', '是否法制审核人员', 10),
        col('phone', '联系电话', 14, 'text'),
        col('cert_type', '证件类型', 14),
        col('cert_number', '执法证号', 16, 'text'),
        col('issue_date', '发证日期', 12, 'text'),
        col('expiry_date', '有效期至', 12, 'text'),
        col('notes', '备注', 16),
      ],
      validations: {
        sex: { list: [...SEXES] },
        unit: { range: unitRange },
        personnel_kind: { list: [...PERSONNEL_KINDS] },
        staffing_type: { list: [...REPORTED_STAFFING_TYPES] },
        is_legal_reviewer: { list: ['是', '否'] },
        cert_type: { list: [...CERT_TYPES] },
      },
      instructions: [
        ...COMMON_INSTRUCTIONS,
        '6. 身份证号必须是 18 位，以文本格式填写（本列已设为文本格式；从其他表格粘贴时请使用“选择性粘贴 › 数值”）。如果身份证号显示为 4.30981E+17 这样的科学计数法，说明已按数字保存，后几位已经丢失，必须重新输入。',
        '7. 只有在编在职人员（行政编制、参照公务员管理、事业编制）可以持有行政执法证件；聘用辅助人员、工勤人员不能填写执法证号。',
        '8. 行政执法监督人员的证件类型选“行政执法监督证”。没有证件的人员，证件类型、执法证号和日期留空。',
        '9. “单位”列可以不填（以第 2 行的填报单位为准）；填写时必须与填报单位一致。',
      ],
    };
  }
  if (kind === 'inspection_items') {
    return {
      title: RECORD_KIND_LABELS.inspection_items,
      columns: [
        col('seq', '序号', 6),
        col('item_code', '事项编码', 14, 'text'),
        col('name', '检查事项名称', 30),
        col('category', '事项类别', 14),
        col('basis', '实施依据', 30),
        col('subject', '检查主体', 24),
        col('undertaking_body', '承办机构', 16),
        col('target', '检查对象', 18),
        col('content', '检查内容', 30),
        col('method', '检查方式', 16),
        col('frequency', '检查频次', 16),
        col('notes', '备注', 14),
      ],
      validations: { category: { list: [...INSPECTION_CATEGORIES] }, subject: { range: agencyRange } },
      instructions: [...COMMON_INSTRUCTIONS, '6. 事项类别只能选“一般检查事项”或“重点检查事项”。', '7. 有事项编码的请填写编码，再次报送时按编码核对变化；没有编码的按事项名称核对，请勿随意改动名称。'],
    };
  }
  const noCoercion = kind === 'no_coercion';
  return {
    title: RECORD_KIND_LABELS[kind],
    columns: [
      col('seq', '序号', 6),
      col('matter', noCoercion ? '监管领域' : '行政处罚事项', 24),
      col('violation', noCoercion ? '强制措施' : '违法行为', 30),
      col('violation_basis', '违法依据', 26),
      col('penalty_basis', noCoercion ? '实施依据' : '处罚依据', 26),
      col('conditions', '适用情形', 30),
      ...(kind === 'reduced_penalty' ? [col('discretion', '裁量幅度', 16)] : []),
      col('notes', '备注', 14),
    ],
    validations: {},
    instructions: [
      ...COMMON_INSTRUCTIONS,
      `6. 本表只填写“${RECORD_KIND_LABELS[kind]}”，其他清单请使用各自的模板（第 1 行的标题用于识别清单类型，请勿修改）。`,
      `7. 每一行填写一项${noCoercion ? '强制措施' : '违法行为'}；再次报送时按这一列的文字核对变化。`,
    ],
  };
}

/**
 * The clerk's own unit list (单位名单): the units the bureau reports on, their kind, whether each
 * keeps a catalog and the four lists (执法主体), and the other names agencies use for them.
 */
async function unitListTemplate(countyName: string): Promise<{ name: string; bytes: Buffer }> {
  const title = `${countyName}单位名单`;
  const book = new XlsxWorkbook();
  await book.addTableSheet({
    name: '单位名单',
    title,
    subtitles: ['每行一个单位。类型填“市直单位”或“乡镇（街道）”；编制检查事项目录和四项清单的行政执法单位填“是”。'],
    columns: [col('seq', '序号', 6), col('name', '单位名称', 30), col('kind', '类型', 14), col('keeps_lists', '是否行政执法单位', 12), col('aliases', '简称/别名', 30), col('notes', '备注', 20)],
    rows: [],
    blankRows: BLANK_ROWS,
    validations: { kind: { list: ['市直单位', '乡镇（街道）'] }, keeps_lists: { list: ['是', '否'] } },
    footerLines: [],
  });
  await book.addTextSheet('填表说明', `${title}填表说明`, [
    '1. 请勿修改表头（第 3 行）的文字和顺序。',
    '2. 单位名称请填写全称（如“沅江市农业农村局”“琼湖街道办事处”）。',
    '3. 类型：市直单位、乡镇（街道）；不填时按名称判断（镇、乡、街道、办事处为乡镇（街道））。',
    '4. 是否行政执法单位：编制分类检查事项目录和四项清单的执法主体填“是”，其余填“否”或不填。',
    '5. 简称/别名：报送文件中可能出现的其他名称，多个用顿号“、”分隔（如“市农业农村局、农业农村局”），导入时据此识别报送单位。',
  ]);
  return { name: `${title}导入模板.xlsx`, bytes: await book.toBuffer() };
}

export async function buildTemplate(db: Db, kind: ImportKind, countyName = ''): Promise<{ name: string; bytes: Buffer }> {
  if (kind === 'units') return unitListTemplate(countyName);
  const units = db.prepare(`SELECT name, keeps_inspection_lists FROM units ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`).all() as {
    name: string;
    keeps_inspection_lists: number;
  }[];
  const agencies = units.filter((u) => u.keeps_inspection_lists === 1);
  const unitRange = `'${LIST_SHEET}'!$A$2:$A$${Math.max(2, units.length + 1)}`;
  const agencyRange = `'${LIST_SHEET}'!$B$2:$B$${Math.max(2, agencies.length + 1)}`;
  const spec = specFor(kind, unitRange, agencyRange);
  const book = new XlsxWorkbook();
  await book.addTableSheet({
    name: spec.title.slice(0, 31),
    title: `（单位名称）${spec.title}`,
    subtitles: ['填报单位（盖章）：　　　　　　　　　　　　　　　填报日期：　　　　年　　月　　日'],
    columns: spec.columns,
    rows: [],
    blankRows: BLANK_ROWS,
    validations: spec.validations,
    footerLines: [],
  });
  await book.addTextSheet('填表说明', `${spec.title}填表说明`, spec.instructions);
  await book.addTableSheet({
    name: LIST_SHEET,
    columns: [col('unit', '单位', 30), col('agency', '执法主体', 30)],
    rows: Array.from({ length: Math.max(units.length, agencies.length) }, (_, i) => ({ values: { unit: units[i]?.name ?? null, agency: agencies[i]?.name ?? null } })),
    hidden: true,
  });
  return { name: `${spec.title}导入模板.xlsx`, bytes: await book.toBuffer() };
}
