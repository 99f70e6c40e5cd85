import type { TableShape } from './import-kinds.ts';
import { normaliseHeader } from './text-normalise.ts';

/**
 * THE column-synonym table: for each table layout, the fields the importer knows and the headers
 * agencies use for them. Synonyms are written once, in simplified characters without punctuation;
 * normaliseHeader() makes '身份證號碼', '身份证号码（18位）' and '身份证 号码' all match '身份证号码',
 * so variants of spelling, width and hints are never listed here.
 *
 * Field types drive cell cleaning: `id`, `code`, `phone` and `date` fold full-width characters to
 * half-width; `name` loses inner spaces; `seq` (序号) is recognised but never imported; a `long`
 * text keeps its line breaks.
 */

export type FieldType = 'seq' | 'text' | 'name' | 'id' | 'code' | 'phone' | 'date' | 'month' | 'enum' | 'bool' | 'unit';

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  /** Headers that mean this field (compared after normaliseHeader). */
  synonyms: readonly string[];
  /**
   * Long text (legal bases, numbered conditions, remarks): its line breaks are part of the text and
   * kept; only short fields (names, units, codes) have their white space collapsed.
   */
  long?: true;
}

export interface ShapeDef {
  fields: readonly FieldDef[];
  /** Without these a sheet of this layout cannot be imported. */
  required: readonly string[];
  /** At least one of these must be mapped for a header row to be taken as this layout. */
  keys: readonly string[];
  /**
   * When a required field has no column, another field's column may stand in for it (the 不予处罚
   * layout 序号 | 行政处罚事项 | 实施机关 | 适用条件 | 法律依据 has no separate 违法行为 column:
   * the matter is the only description of the conduct). Reported as a note.
   */
  standIns?: Readonly<Record<string, string>>;
}

const SEQ: FieldDef = { key: 'seq', label: '序号', type: 'seq', synonyms: ['序号', '序', '顺序号', 'no'] };
const NOTES: FieldDef = { key: 'notes', label: '备注', type: 'text', synonyms: ['备注', '备注说明', '其他说明'], long: true };

export const SHAPES: Readonly<Record<TableShape, ShapeDef>> = {
  personnel: {
    required: ['name', 'id_number'],
    keys: ['id_number'],
    fields: [
      SEQ,
      { key: 'name', label: '姓名', type: 'name', synonyms: ['姓名', '名字', '人员姓名', '执法人员姓名'] },
      { key: 'sex', label: '性别', type: 'enum', synonyms: ['性别'] },
      {
        key: 'id_number',
        label: '身份证号',
        type: 'id',
        synonyms: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证', '身份证件号码', '居民身份证号码', '公民身份证号码', '身份证编号', '身份号码'],
      },
      { key: 'birth_date', label: '出生日期', type: 'month', synonyms: ['出生年月', '出生日期', '出生年月日', '生日'] },
      { key: 'unit', label: '单位', type: 'unit', synonyms: ['单位', '所属单位', '工作单位', '单位名称', '所在单位', '执法单位', '执法主体'] },
      { key: 'personnel_kind', label: '人员类别', type: 'enum', synonyms: ['人员类别', '人员类型', '执法人员类别', '执法人员类型'] },
      { key: 'staffing_type', label: '编制类型', type: 'enum', synonyms: ['编制类型', '编制性质', '编制情况', '人员性质', '编制', '身份性质', '编制类别', '人员编制'] },
      { key: 'post', label: '职务', type: 'text', synonyms: ['职务', '现任职务', '职务职级', '岗位', '职级', '现任岗位', '职务岗位'] },
      { key: 'enforcement_category', label: '执法类别', type: 'text', synonyms: ['执法类别', '执法门类', '执法领域', '执法类型', '行政执法类别'] },
      { key: 'enforcement_scope', label: '执法区域', type: 'text', synonyms: ['执法区域', '执法范围', '执法区域和范围', '执法区域及范围', '执法事项'], long: true },
      { key: 'is_legal_reviewer', label: '法制审核人员', type: 'bool', synonyms: ['是否法制审核人员', '法制审核人员', '是否为法制审核人员', '法制审核'] },
      { key: 'phone', label: '联系电话', type: 'phone', synonyms: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'] },
      { key: 'cert_type', label: '证件类型', type: 'enum', synonyms: ['证件类型', '证件种类', '证件名称', '持证类型', '执法证件类型'] },
      {
        key: 'cert_number',
        label: '执法证号',
        type: 'code',
        synonyms: ['执法证号', '执法证件号码', '证号', '执法证编号', '证件编号', '行政执法证号', '执法证件编号', '执法证件号', '证书编号', '执法证号码', '行政执法证件号码'],
      },
      { key: 'issue_date', label: '发证日期', type: 'date', synonyms: ['发证日期', '发证时间', '领证日期', '领证时间', '颁发日期', '取得证件时间', '发证日'] },
      {
        key: 'expiry_date',
        label: '有效期至',
        type: 'date',
        synonyms: ['有效期至', '有效期限', '证件有效期', '有效期', '有效截止日期', '到期日期', '到期时间', '有效期截止日期', '有效期截至', '证件有效期至'],
      },
      { key: 'cert_state', label: '证件状态', type: 'enum', synonyms: ['证件状态', '持证状态', '证件情况'] },
      NOTES,
    ],
  },
  inspection_items: {
    // 事项类别 may be missing as a column: each row then lacks it, and the clerk can fill it in for all (批量填写).
    required: ['name'],
    keys: ['name'],
    fields: [
      SEQ,
      { key: 'item_code', label: '事项编码', type: 'code', synonyms: ['事项编码', '事项编号', '编码', '事项代码', '检查事项编码', '检查事项编号', '编号'] },
      { key: 'name', label: '检查事项名称', type: 'text', synonyms: ['检查事项名称', '事项名称', '检查事项', '检查项目', '检查项目名称'] },
      { key: 'category', label: '事项类别', type: 'enum', synonyms: ['事项类别', '检查类别', '类别', '检查事项类别', '事项类型', '事项分类'] },
      { key: 'basis', label: '实施依据', type: 'text', synonyms: ['实施依据', '检查依据', '设定依据', '法律依据', '依据', '法定依据'], long: true },
      { key: 'subject', label: '检查主体', type: 'text', synonyms: ['检查主体', '实施主体', '执法主体'] },
      { key: 'undertaking_body', label: '承办机构', type: 'text', synonyms: ['承办机构', '承办科室', '实施机构', '承办单位', '责任科室', '责任股室', '承办股室'] },
      { key: 'target', label: '检查对象', type: 'text', synonyms: ['检查对象'], long: true },
      { key: 'content', label: '检查内容', type: 'text', synonyms: ['检查内容'], long: true },
      { key: 'method', label: '检查方式', type: 'text', synonyms: ['检查方式', '检查方法'], long: true },
      { key: 'frequency', label: '检查频次', type: 'text', synonyms: ['检查频次', '抽查比例及频次', '检查频率', '频次', '抽查比例和频次', '检查比例及频次', '抽查比例'], long: true },
      NOTES,
    ],
  },
  penalty_list: {
    required: ['violation'],
    keys: ['violation', 'penalty_basis', 'conditions'],
    standIns: { violation: 'matter' },
    fields: [
      SEQ,
      { key: 'matter', label: '处罚事项', type: 'text', synonyms: ['行政处罚事项', '处罚事项', '事项名称', '监管领域', '行政处罚事项名称', '领域', '执法领域'], long: true },
      {
        key: 'violation',
        label: '违法行为',
        type: 'text',
        synonyms: ['违法行为', '违法行为表现', '违法事实', '违法行为名称', '强制措施', '行政强制措施', '行政强制措施名称', '强制措施名称', '违法情形'],
        long: true,
      },
      // 法定依据 beside a 减轻处罚依据 column (the 巴中 layout) is the basis of the violation itself.
      { key: 'violation_basis', label: '违法依据', type: 'text', synonyms: ['违法依据', '违反条款', '违法条款', '违反的法律条款', '法定依据'], long: true },
      {
        key: 'penalty_basis',
        label: '处罚依据',
        type: 'text',
        synonyms: ['处罚依据', '法律依据', '实施依据', '减轻处罚依据', '从轻处罚依据', '不予处罚依据', '强制措施依据', '处罚条款', '依据'],
        long: true,
      },
      {
        key: 'conditions',
        label: '适用情形',
        type: 'text',
        synonyms: ['适用条件', '适用情形', '情形', '不予处罚情形', '从轻处罚情形', '减轻处罚情形', '适用情节', '不予实施强制措施情形', '条件'],
        long: true,
      },
      { key: 'discretion', label: '裁量幅度', type: 'text', synonyms: ['裁量幅度', '裁量等级', '裁量基准', '处罚幅度', '减轻幅度', '裁量阶次', '从轻幅度'], long: true },
      NOTES,
    ],
  },
  // The clerk's own unit list (单位名单 template): one unit per row.
  units: {
    required: ['name'],
    keys: ['name'],
    fields: [
      SEQ,
      { key: 'name', label: '单位名称', type: 'text', synonyms: ['单位名称', '单位全称', '单位', '名称', '机关名称', '部门名称', '执法单位名称'] },
      { key: 'kind', label: '类型', type: 'enum', synonyms: ['类型', '单位类型', '单位类别', '类别', '单位性质', '层级'] },
      {
        key: 'keeps_lists',
        label: '是否行政执法单位',
        type: 'bool',
        synonyms: ['是否行政执法单位', '行政执法单位', '是否执法单位', '执法单位', '是否执法主体', '执法主体', '是否编制清单', '是否编制一目录四清单'],
      },
      { key: 'short_name', label: '简称', type: 'text', synonyms: ['简称', '单位简称'] },
      { key: 'aliases', label: '别名', type: 'text', synonyms: ['别名', '简称别名', '简称或别名', '其他名称', '曾用名', '别称'] },
      NOTES,
    ],
  },
};

export function fieldDef(shape: TableShape, key: string): FieldDef | undefined {
  return SHAPES[shape].fields.find((f) => f.key === key);
}

export function fieldLabel(shape: TableShape, key: string): string {
  return fieldDef(shape, key)?.label ?? key;
}

interface SynonymIndex {
  exact: Map<string, string>;
  /** [normalised synonym, field] for the contains rule, longest first. */
  long: [string, string][];
}

const INDEX = new Map<TableShape, SynonymIndex>();

function indexOf(shape: TableShape): SynonymIndex {
  let index = INDEX.get(shape);
  if (!index) {
    const exact = new Map<string, string>();
    const long: [string, string][] = [];
    for (const field of SHAPES[shape].fields) {
      exact.set(normaliseHeader(field.label), field.key);
      for (const synonym of field.synonyms) {
        const norm = normaliseHeader(synonym);
        exact.set(norm, field.key);
        if ([...norm].length >= 4) long.push([norm, field.key]);
      }
    }
    long.sort((a, b) => b[0].length - a[0].length);
    index = { exact, long };
    INDEX.set(shape, index);
  }
  return index;
}

/**
 * The field a header means, or null. Exact synonyms first; then, for headers that add words to a
 * synonym ('行政执法证号码' ⊃ '执法证号码'), the longest synonym of at least four characters the
 * header contains — but only when no other field's synonym of that length also fits (no guessing).
 */
export function matchHeader(shape: TableShape, header: string): string | null {
  const norm = normaliseHeader(header);
  if (!norm) return null;
  const index = indexOf(shape);
  const exact = index.exact.get(norm);
  if (exact) return exact;
  const hits = index.long.filter(([syn]) => norm.includes(syn));
  const first = hits[0];
  if (!first) return null;
  const rivals = hits.filter(([syn, field]) => syn.length === first[0].length && field !== first[1]);
  return rivals.length === 0 ? first[1] : null;
}
