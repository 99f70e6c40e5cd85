import type { Severity } from './import-kinds.ts';

/**
 * What the importer found, in Chinese, with a stable code. Every message names the file, the
 * sheet, the row and the column (as the clerk sees them in Excel: row 7, column D), then says what
 * is wrong and what to do.
 */

/**
 * The rule for a severity: an **error** is what would put wrong or unidentifiable data into the
 * registry (the row is not imported); what the registry can hold as "unknown" or "to be confirmed"
 * is a **warning** (imported, flagged); a **note** only says what was done.
 */
export const ISSUE_SEVERITY = {
  // cells
  ID_STORED_AS_NUMBER: 'error',
  ID_MISSING: 'error',
  ID_INVALID: 'error',
  ID_REGION_OUTSIDE: 'warning',
  NAME_MISSING: 'error',
  NAME_INVALID: 'error',
  NAME_DIFFERS: 'warning',
  SEX_INVALID: 'warning',
  SEX_CONTRADICTS_ID: 'warning',
  BIRTH_CONTRADICTS_ID: 'warning',
  BIRTH_UNREADABLE: 'warning',
  PHONE_SUSPICIOUS: 'warning',
  DATE_INVALID: 'error',
  DATE_AMBIGUOUS: 'error',
  DATE_RANGE_SPLIT: 'note',
  NUMBER_PRECISION_LOST: 'error',
  VALUE_INVALID: 'error',
  TEXT_TOO_LONG: 'error',
  STAFFING_MISSING: 'warning',
  STAFFING_UNREADABLE: 'warning',
  UNIT_UNKNOWN: 'error',
  UNIT_AMBIGUOUS: 'error',
  UNIT_TO_ADD: 'note',
  UNIT_OTHER_THAN_SHEET: 'warning',
  // certificates
  CERT_INCOMPLETE: 'error',
  CERT_EXPIRY_BEFORE_ISSUE: 'error',
  CERT_EXPIRY_DERIVED: 'note',
  CERT_ISSUE_DERIVED: 'note',
  CERT_EXPIRY_UNUSUAL: 'warning',
  CERT_EXPIRED: 'note',
  CERT_NOT_ALLOWED: 'error',
  CERT_STATE_NOT_IMPORTABLE: 'error',
  CERT_NUMBER_TAKEN: 'error',
  CERT_CONFLICT: 'error',
  CERT_STATE_DIFFERS: 'warning',
  CERT_TYPE_MISMATCH: 'warning',
  CERT_RENEWED: 'note',
  /** A card's date out of the order of its steps: after today, or before the card's last step. */
  CERT_DATE_ORDER: 'error',
  /** A staffing type that may not hold a card, for someone holding an open card. */
  STAFFING_CARD_HELD: 'error',
  /** A 发证日期 after today on a card the registry already holds (a correction of its dates): kept, but the clerk must look. */
  CERT_ISSUE_IN_FUTURE: 'warning',
  // catalog and lists
  CATEGORY_INVALID: 'error',
  ITEM_NAME_MISSING: 'error',
  VIOLATION_MISSING: 'error',
  // the unit list
  UNIT_NAME_MISSING: 'error',
  UNIT_NAME_INVALID: 'error',
  UNIT_NAME_TAKEN: 'error',
  UNIT_KIND_GUESSED: 'note',
  UNIT_KIND_UNREADABLE: 'warning',
  UNIT_KEEPS_LISTS_HELD: 'warning',
  // rows against each other and against the registry
  DUPLICATE_IN_FILE: 'error',
  DUPLICATE_ENTRY: 'warning',
  TRANSFER: 'warning',
  TRANSFER_NOT_CONFIRMED: 'warning',
  // sheets
  HEADER_NOT_FOUND: 'error',
  REQUIRED_COLUMN_MISSING: 'error',
  COLUMN_DUPLICATE: 'error',
  COLUMN_UNMAPPED: 'note',
  COLUMN_STAND_IN: 'note',
  NO_DATA_ROWS: 'error',
  AGENCY_UNKNOWN: 'error',
  AGENCY_AMBIGUOUS: 'error',
  AGENCY_DISAGREES: 'warning',
  AGENCY_TO_ADD: 'note',
  AGENCY_TO_MARK: 'note',
  KIND_AMBIGUOUS: 'error',
  KIND_UNKNOWN: 'error',
  MAPPING_REMEMBERED: 'note',
  DECLARED_RANGE_IGNORED: 'note',
  SHEET_SKIPPED: 'note',
  // what reading the file found (parse-findings.ts)
  /** Cells beyond the column cap, ignored. */
  COLUMNS_BEYOND_LIMIT: 'warning',
  /** A cell's text longer than a cell may hold, cut. */
  CELL_TEXT_CUT: 'warning',
  /** A cell holding an XML entity reference as text (&xxe;): SheetJS expands none, the text is kept as written. */
  XML_ENTITY_TEXT: 'warning',
  /** An XML part of the file declares a DTD or entities (<!DOCTYPE … <!ENTITY …>), which Excel and WPS never write. */
  XML_DOCTYPE: 'warning',
} as const satisfies Record<string, Severity>;

/**
 * What each finding says, in general terms (the message itself names the file, sheet, row, column
 * and the values). The README's table of findings is made from this and ISSUE_SEVERITY.
 */
export const ISSUE_MEANINGS: Readonly<Record<keyof typeof ISSUE_SEVERITY, string>> = {
  ID_STORED_AS_NUMBER: '身份证号以数字格式保存，后几位已丢失（Excel 只保留 15 位有效数字），须以文本格式重新填报',
  ID_MISSING: '缺少身份证号',
  ID_INVALID: '身份证号位数、出生日期或校验位不正确',
  ID_REGION_OUTSIDE: '身份证号的地区码不是本县（市、区）的行政区划代码（设置 › 业务规则），请核对是否填错；外地出生的人员可忽略',
  NAME_MISSING: '缺少姓名',
  NAME_INVALID: '姓名不是 2—30 个汉字或字母（含数字或符号）',
  NAME_DIFFERS: '同一身份证号在台账中的姓名不同，导入后改为表中的姓名',
  SEX_INVALID: '性别无法识别，按身份证号登记',
  SEX_CONTRADICTS_ID: '性别与身份证号不符，按身份证号登记',
  BIRTH_CONTRADICTS_ID: '出生日期与身份证号不符，按身份证号登记',
  BIRTH_UNREADABLE: '出生日期无法识别，按身份证号登记',
  PHONE_SUSPICIOUS: '联系电话不像手机号或固定电话',
  DATE_INVALID: '日期无法识别或不存在（如 2023.13.1）',
  DATE_AMBIGUOUS: '日期有歧义（两位年份、03/04/2021、2021.1 这样的数字），不猜测',
  DATE_RANGE_SPLIT: '有效期写成起止日期，取截止日期',
  NUMBER_PRECISION_LOST: '编号以数字格式保存，超过 15 位的数字已丢失末尾几位',
  VALUE_INVALID: '人员类别、证件类型、证件状态或“是/否”无法识别',
  TEXT_TOO_LONG: '内容过长，可能把几格内容粘贴到了一格',
  STAFFING_MISSING: '新增人员没有填写编制类型，登记为“未填写”（待核实，列入数据问题）',
  STAFFING_UNREADABLE: '编制类型无法识别，新增人员登记为“未填写”，已登记的人员不改变',
  UNIT_UNKNOWN: '单位栏填写的不是单位名称',
  UNIT_AMBIGUOUS: '单位栏的名称可能指多个单位，无法确定',
  UNIT_TO_ADD: '单位不在单位名单中，导入时一并新增（可在预览中修改类型或改为已有单位）',
  UNIT_OTHER_THAN_SHEET: '本行的单位与表格的填报单位不同，按本行单位登记',
  CERT_INCOMPLETE: '证件信息不全：有证号无日期，或有日期无证号',
  CERT_EXPIRY_BEFORE_ISSUE: '有效期至早于或等于发证日期',
  CERT_EXPIRY_DERIVED: '未填有效期，按有效期年限推算',
  CERT_ISSUE_DERIVED: '未填发证日期，按有效期年限推算',
  CERT_EXPIRY_UNUSUAL: '发证日期到有效期至不是规定的年限，或有效期起始日与发证日期不一致',
  CERT_EXPIRED: '证件已过期，导入后显示为“已过期”',
  CERT_NOT_ALLOWED: '聘用辅助人员、工勤人员不能持有行政执法证件，但填写了执法证号',
  CERT_STATE_NOT_IMPORTABLE: '吊销、注销、换发等证件状态不能通过导入登记',
  CERT_NUMBER_TAKEN: '执法证号已登记在另一人名下',
  CERT_CONFLICT: '证件与台账中的证件冲突（较旧的证号、被暂扣的证件、已注销的证号）',
  CERT_STATE_DIFFERS: '证件状态与台账不同，导入不改变证件状态',
  CERT_TYPE_MISMATCH: '证件类型与人员类别不符',
  CERT_RENEWED: '表中的证件比台账中的新，登记为换证',
  CERT_DATE_ORDER: '证件日期晚于今天，或早于该证件上一步业务的日期',
  STAFFING_CARD_HELD: '持有证件的人员不能改为不能持证的编制类型',
  CERT_ISSUE_IN_FUTURE: '更正台账中已有证件的日期时，发证日期晚于今天：照登，请核实',
  CATEGORY_INVALID: '缺少事项类别或无法识别（应为一般检查事项或重点检查事项）',
  ITEM_NAME_MISSING: '缺少检查事项名称',
  VIOLATION_MISSING: '缺少违法行为（或强制措施）',
  UNIT_NAME_MISSING: '单位名单中缺少单位名称',
  UNIT_NAME_INVALID: '单位名称不是 2—60 个字',
  UNIT_NAME_TAKEN: '名称或别名已被另一个单位使用',
  UNIT_KIND_GUESSED: '未填单位类型，按名称判断（镇、乡、街道、办事处为乡镇（街道），其余为市直单位）',
  UNIT_KIND_UNREADABLE: '单位类型无法识别，按名称判断',
  UNIT_KEEPS_LISTS_HELD: '表中为“否”，但该单位已有检查事项或清单，保留执法主体标记',
  DUPLICATE_IN_FILE: '身份证号或执法证号在表中重复，无法确定以哪一行为准',
  DUPLICATE_ENTRY: '与后面一行是同一事项（或同一单位），以后一行为准',
  TRANSFER: '此人登记在另一单位，已确认调入',
  TRANSFER_NOT_CONFIRMED: '此人登记在另一单位，确认调动后才导入',
  HEADER_NOT_FOUND: '没有找到可识别的表头',
  REQUIRED_COLUMN_MISSING: '缺少必需的列（姓名和身份证号、检查事项名称、违法行为、单位名称）',
  COLUMN_DUPLICATE: '两列对应同一字段，无法确定用哪一列',
  COLUMN_UNMAPPED: '有不导入的列',
  COLUMN_STAND_IN: '没有单独的违法行为列，以处罚事项列代替',
  NO_DATA_ROWS: '只有表头，没有数据行',
  AGENCY_UNKNOWN: '无法识别报送单位',
  AGENCY_AMBIGUOUS: '报送单位可能指多个单位',
  AGENCY_DISAGREES: '填报单位栏、标题、文件名等指向不同的单位，按最可靠的一处处理',
  AGENCY_TO_ADD: '报送单位不在单位名单中，导入时一并新增',
  AGENCY_TO_MARK: '报送检查事项目录或清单的单位尚未标记为执法主体，导入时一并标记',
  KIND_AMBIGUOUS: '标题同时提到两项清单，无法确定是哪一项',
  KIND_UNKNOWN: '标题、工作表名和文件名都没有写明是哪一项清单',
  MAPPING_REMEMBERED: '按上次确认的列对应读取',
  DECLARED_RANGE_IGNORED: '工作表声明的数据范围远大于实际内容，已忽略',
  SHEET_SKIPPED: '工作表已跳过（隐藏的工作表、填表说明、空工作表）',
  COLUMNS_BEYOND_LIMIT: '超出列数上限（200 列）的单元格未读取',
  CELL_TEXT_CUT: '单元格文字超过上限（32,767 字），已截断',
  XML_ENTITY_TEXT: '单元格的内容是 XML 实体引用（如 &xxe;），按原文保留，请核实',
  XML_DOCTYPE: '文件中含有文档类型或实体声明（Excel、WPS 不会写入），内容按原文读取，请核实文件来源',
};

export type IssueCode = keyof typeof ISSUE_SEVERITY;

export interface ImportIssue {
  /** Sheet row number (1-based, as Excel shows it); null for a sheet-level finding. */
  row: number | null;
  /** Column letter (A, B, … AA); null when the finding is about a whole row or sheet. */
  column: string | null;
  /** The field the column was mapped to, when there is one. */
  field: string | null;
  severity: Severity;
  code: IssueCode;
  /** The full sentence, with file, sheet, row and column. */
  message: string;
  /** The same without the location (for a cell's tooltip). */
  detail: string;
}

export interface IssuePlace {
  file: string;
  sheet: string;
  row?: number | null;
  column?: string | null;
  /** The column's header as the agency wrote it. */
  header?: string | null;
  field?: string | null;
}

/** 文件“公安局名册.xlsx”工作表“花名册”第 7 行 D 列（身份证号）; 第 7 行（编制类型） for a field without a column. */
export function describePlace(place: IssuePlace): string {
  let text = `文件“${place.file}”工作表“${place.sheet}”`;
  if (place.row !== null && place.row !== undefined) text += `第 ${place.row} 行`;
  if (place.column) text += ` ${place.column} 列${place.header ? `（${place.header}）` : ''}`;
  // A field the sheet has no column for (编制类型 of a roster without one): named by its label.
  else if (place.header && place.row !== null && place.row !== undefined) text += `（${place.header}）`;
  return text;
}

/** `severity` overrides the code's usual one where context changes it (a sheet without a header is only a note when another sheet of the file is imported). */
export function makeIssue(code: IssueCode, place: IssuePlace, detail: string, severity: Severity = ISSUE_SEVERITY[code]): ImportIssue {
  return {
    row: place.row ?? null,
    column: place.column ?? null,
    field: place.field ?? null,
    severity,
    code,
    message: `${describePlace(place)}：${detail}`,
    detail,
  };
}
