import { mayHoldCertificate, certTypeFor } from '../../../shared/domain/certificate-rules.ts';
import type { CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { addYears, daysBetween, validityEnd, addDays } from '../../../shared/domain/dates.ts';
import { checkIdNumber } from '../../../shared/domain/id-number.ts';
import type { PersonnelKind, Sex, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { cleanCode, cleanDateText, cleanIdNumber, cleanLongText, cleanName, cleanPhone, cleanText, type Cleaned, type RawCell } from '../../../shared/import/cell-cleaning.ts';
import { fieldDef } from '../../../shared/import/column-synonyms.ts';
import { parseDateCell, splitDateRange } from '../../../shared/import/date-parsing.ts';
import { normaliseWord } from '../../../shared/import/text-normalise.ts';
import { parseCertState, parseCertType, parsePersonnelKind, parseSex, parseStaffingType, parseYesNo, type ImportableCertState } from '../../../shared/import/value-synonyms.ts';
import { RowReader, type RowContext, type RowDraft } from './row-draft.ts';
import { unitName, unitNamedIn, type UnitIndex } from './unit-matcher.ts';

/**
 * Reads and checks one roster row against the personnel rules in shared/domain: the ID number
 * (check digit, birth date), sex and birth date against the ID, staffing types and who may hold a
 * certificate, the certificate's dates. Nothing here looks at the registry (see personnel-compare.ts).
 */

export interface PersonDraft extends RowDraft {
  person: {
    name: string | null;
    idNumber: string | null;
    sex: Sex | null;
    birthDate: string | null;
    /** The unit this row belongs to (its 单位 cell, else the sheet's agency). */
    unitId: number | null;
    kind: PersonnelKind | null;
    staffing: StaffingType | null;
    post: string | null;
    category: string | null;
    scope: string | null;
    legalReviewer: boolean | null;
    phone: string | null;
    notes: string | null;
  };
  cert: {
    type: CertType;
    number: string | null;
    issueDate: string | null;
    expiryDate: string | null;
    state: ImportableCertState;
  } | null;
}

export interface PersonnelRules {
  today: string;
  date1904: boolean;
  certValidityYears: number;
  units: UnitIndex;
  /** The county's region code (设置): an ID number from elsewhere gets a second look. Empty: not checked. */
  regionCode: string;
  countyName: string;
}

const NAME_PATTERN = /^[\p{Script=Han}A-Za-z·•．.]{2,30}$/u;
const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/;
const CLOSED_STATE_WORDS = ['吊销', '已吊销', '注销', '已注销', '已换发', '换发', '待考试', '考试合格', '待发证'];

// Rosters repeat the same few issue dates (batch issue days): compute each validity end once.
const validityEnds = new Map<string, string>();
function cachedValidityEnd(issueDate: string, years: number): string {
  const key = `${issueDate}/${years}`;
  let end = validityEnds.get(key);
  if (end === undefined) {
    if (validityEnds.size > 10_000) validityEnds.clear();
    end = validityEnd(issueDate, years);
    validityEnds.set(key, end);
  }
  return end;
}

function take(reader: RowReader, field: string, cleaned: Cleaned): string | null {
  if (!cleaned.ok) {
    reader.issue(cleaned.code === 'ID_STORED_AS_NUMBER' ? 'ID_STORED_AS_NUMBER' : 'NUMBER_PRECISION_LOST', field, cleaned.reason);
    return null;
  }
  return cleaned.value;
}

function text(reader: RowReader, field: string): string | null {
  if (!reader.has(field)) return null;
  const long = fieldDef('personnel', field)?.long === true;
  const value = take(reader, field, long ? cleanLongText(reader.cell(field)) : cleanText(reader.cell(field)));
  if (value !== null && value.length > 2000) {
    reader.issue('TEXT_TOO_LONG', field, `内容超过 2000 字，请核对是否把几格内容粘贴到了一格`);
    return null;
  }
  reader.set(field, value);
  return value;
}

function dateOf(reader: RowReader, field: string, cell: RawCell, rules: PersonnelRules): string | null {
  const parsed = parseDateCell(cleanDateText(cell), { date1904: rules.date1904, minYear: 1980, maxYear: 2100 });
  if (parsed === null) return null;
  if (parsed.ok) return parsed.iso;
  reader.issue(parsed.kind === 'ambiguous' ? 'DATE_AMBIGUOUS' : 'DATE_INVALID', field, parsed.reason);
  return null;
}

export function readPersonnelRow(rowIndex: number, ctx: RowContext, rules: PersonnelRules, sheetUnitId: number | null): PersonDraft {
  const reader = new RowReader(rowIndex, ctx);

  // Name: required, inner spaces removed.
  const name = reader.has('name') ? take(reader, 'name', cleanName(reader.cell('name'))) : null;
  reader.set('name', name);
  if (name === null) reader.issue('NAME_MISSING', 'name', '缺少姓名');
  else if (!NAME_PATTERN.test(name)) reader.issue('NAME_INVALID', 'name', `姓名“${name}”不符合要求（2—30个汉字或字母，不能有数字和符号）`);

  // ID number: required; a number cell is a hard error; the check digit and birth date are verified.
  let idNumber: string | null = null;
  let idSex: Sex | null = null;
  let idBirth: string | null = null;
  const idCell = reader.has('id_number') ? take(reader, 'id_number', cleanIdNumber(reader.cell('id_number'))) : null;
  const idWasNumber = reader.draft.issues.some((i) => i.code === 'ID_STORED_AS_NUMBER');
  if (idCell === null && !idWasNumber) {
    reader.issue('ID_MISSING', 'id_number', '缺少身份证号');
  } else if (idCell !== null) {
    const check = checkIdNumber(idCell, rules.today);
    if (check.ok) {
      idNumber = check.idNumber;
      idSex = check.sex;
      idBirth = check.birthDate;
      if (rules.regionCode !== '' && !idNumber.startsWith(rules.regionCode)) {
        const county = rules.countyName ? `${rules.countyName}的 ` : '';
        reader.issue('ID_REGION_OUTSIDE', 'id_number', `身份证号的地区码 ${idNumber.slice(0, 6)} 不是本地（${county}${rules.regionCode}），请核对是否填错；外地出生的人员可忽略此提示`);
      }
    } else {
      reader.issue('ID_INVALID', 'id_number', `${check.message}（“${idCell}”）`);
    }
  }
  reader.set('id_number', idNumber ?? idCell);

  // Sex: the ID number's sequence digit decides; a contradicting cell is flagged.
  let sex: Sex | null = idSex;
  if (reader.has('sex')) {
    const raw = take(reader, 'sex', cleanText(reader.cell('sex')));
    if (raw !== null) {
      const parsed = parseSex(raw);
      if (parsed === null) reader.issue('SEX_INVALID', 'sex', `性别“${raw}”无法识别${idSex ? `，已按身份证号登记为“${idSex}”` : ''}`);
      else if (idSex && parsed !== idSex) reader.issue('SEX_CONTRADICTS_ID', 'sex', `性别填写为“${parsed}”，但身份证号显示为“${idSex}”，已按身份证号登记为“${idSex}”，请核实`);
      else if (!idSex) sex = parsed;
    }
  }
  reader.set('sex', sex);

  // Birth date: taken from the ID; a 出生年月 cell is only compared.
  if (reader.has('birth_date')) {
    const cell = cleanDateText(reader.cell('birth_date'));
    const parsed = parseDateCell(cell, { date1904: rules.date1904, minYear: 1900, maxYear: 2100 });
    if (parsed && idBirth) {
      const [y, m, d] = idBirth.split('-').map(Number);
      if (parsed.ok) {
        if (parsed.iso !== idBirth) reader.issue('BIRTH_CONTRADICTS_ID', 'birth_date', `出生日期填写为 ${parsed.iso}，但身份证号显示为 ${idBirth}，已按身份证号登记，请核实`);
      } else if (parsed.kind === 'month') {
        if (parsed.year !== y || parsed.month !== m) {
          reader.issue('BIRTH_CONTRADICTS_ID', 'birth_date', `出生年月填写为 ${parsed.year}年${parsed.month}月，但身份证号显示为 ${y}年${m}月${d}日，已按身份证号登记，请核实`);
        }
      } else {
        reader.issue('BIRTH_UNREADABLE', 'birth_date', `${parsed.reason}；出生日期已按身份证号登记为 ${idBirth}`);
      }
    }
  }
  reader.set('birth_date', idBirth);

  // The unit: its own 单位 cell (a 汇总 sheet of several units), else the sheet's agency.
  let unitId = sheetUnitId;
  if (reader.has('unit')) {
    const raw = take(reader, 'unit', cleanText(reader.cell('unit')));
    if (raw !== null) {
      const m = unitNamedIn(rules.units, raw);
      if (m.kind === 'ambiguous') {
        reader.issue('UNIT_AMBIGUOUS', 'unit', `单位“${raw}”可能指${m.unitIds.map((id) => `“${unitName(rules.units, id)}”`).join('或')}，无法确定`);
        unitId = null;
      } else if (m.kind === 'none') {
        reader.issue('UNIT_UNKNOWN', 'unit', `“${raw}”不是单位名称，单位名单中也没有（设置 › 单位管理）。请填写单位全称`);
        unitId = null;
      } else {
        unitId = m.unitId;
        if (rules.units.units.get(m.unitId)?.toAdd) {
          reader.issue('UNIT_TO_ADD', 'unit', `单位“${unitName(rules.units, m.unitId)}”不在单位名单中，导入时一并新增`);
        }
        if (sheetUnitId !== null && m.unitId !== sheetUnitId && ctx.sheet.agency?.source !== 'column') {
          reader.issue('UNIT_OTHER_THAN_SHEET', 'unit', `单位填写为“${unitName(rules.units, m.unitId)}”，与表格的报送单位“${unitName(rules.units, sheetUnitId)}”不同，按本行的单位登记，请核实`);
        }
      }
    }
  }
  reader.set('unit', unitId === null ? null : unitName(rules.units, unitId));

  // Role, staffing and the rest.
  let kind: PersonnelKind | null = null;
  if (reader.has('personnel_kind')) {
    const raw = take(reader, 'personnel_kind', cleanText(reader.cell('personnel_kind')));
    if (raw !== null) {
      kind = parsePersonnelKind(raw);
      if (kind === null) reader.issue('VALUE_INVALID', 'personnel_kind', `人员类别“${raw}”无法识别，应为“执法人员”或“监督人员”`);
    }
  }
  // Staffing: what the registry cannot read it holds as 未填写 for a new person (see personnel-compare.ts).
  let staffing: StaffingType | null = null;
  if (reader.has('staffing_type')) {
    const raw = take(reader, 'staffing_type', cleanText(reader.cell('staffing_type')));
    if (raw !== null) {
      staffing = parseStaffingType(raw);
      if (staffing === null) {
        reader.issue('STAFFING_UNREADABLE', 'staffing_type', `编制类型“${raw}”无法识别（应为行政编制、参照公务员管理、事业编制、工勤或聘用辅助人员），新增人员登记为“未填写”，请核实`);
      }
    }
  }
  reader.set('staffing_type', staffing);
  const post = text(reader, 'post');
  const category = text(reader, 'enforcement_category');
  const scope = text(reader, 'enforcement_scope');
  const notes = text(reader, 'notes');
  let legalReviewer: boolean | null = null;
  if (reader.has('is_legal_reviewer')) {
    const raw = take(reader, 'is_legal_reviewer', cleanText(reader.cell('is_legal_reviewer')));
    if (raw !== null) {
      legalReviewer = parseYesNo(raw);
      if (legalReviewer === null) reader.issue('VALUE_INVALID', 'is_legal_reviewer', `“${raw}”无法识别，应填“是”或“否”`);
    }
    reader.set('is_legal_reviewer', legalReviewer);
  }
  let phone: string | null = null;
  if (reader.has('phone')) {
    phone = take(reader, 'phone', cleanPhone(reader.cell('phone')));
    if (phone !== null && !PHONE_PATTERN.test(phone)) reader.issue('PHONE_SUSPICIOUS', 'phone', `联系电话“${phone}”的格式不像手机号或固定电话，请核对`);
    reader.set('phone', phone);
  }

  // The certificate.
  let cert: PersonDraft['cert'] = null;
  const number = reader.has('cert_number') ? take(reader, 'cert_number', cleanCode(reader.cell('cert_number'))) : null;
  let issueDate = reader.has('issue_date') ? dateOf(reader, 'issue_date', reader.cell('issue_date'), rules) : null;
  let expiryDate: string | null = null;
  if (reader.has('expiry_date')) {
    const cell = reader.cell('expiry_date');
    const range = typeof cell === 'string' ? splitDateRange(cell) : null;
    if (range) {
      const from = dateOf(reader, 'expiry_date', range[0], rules);
      expiryDate = dateOf(reader, 'expiry_date', range[1], rules);
      if (from && expiryDate) {
        reader.issue('DATE_RANGE_SPLIT', 'expiry_date', `有效期写成了起止日期，已取截止日期 ${expiryDate}`);
        if (issueDate === null) issueDate = from;
        else if (issueDate !== from) reader.issue('CERT_EXPIRY_UNUSUAL', 'expiry_date', `有效期起始日 ${from} 与发证日期 ${issueDate} 不一致，请核对`);
      }
    } else {
      expiryDate = dateOf(reader, 'expiry_date', cell, rules);
    }
  }
  let certType: CertType | null = null;
  if (reader.has('cert_type')) {
    const raw = take(reader, 'cert_type', cleanText(reader.cell('cert_type')));
    if (raw !== null) {
      certType = parseCertType(raw);
      if (certType === null) reader.issue('VALUE_INVALID', 'cert_type', `证件类型“${raw}”无法识别，应为“行政执法证”或“行政执法监督证”`);
    }
  }
  let state: ImportableCertState = '有效';
  if (reader.has('cert_state')) {
    const raw = take(reader, 'cert_state', cleanText(reader.cell('cert_state')));
    if (raw !== null) {
      const parsed = parseCertState(raw);
      if (parsed) state = parsed;
      else if (CLOSED_STATE_WORDS.includes(normaliseWord(raw)))
        reader.issue('CERT_STATE_NOT_IMPORTABLE', 'cert_state', `证件状态“${raw}”不能通过导入登记（吊销、注销、换发等须在“执法人员”页面办理并登记原因和日期）`);
      else reader.issue('VALUE_INVALID', 'cert_state', `证件状态“${raw}”无法识别，应为“有效”或“暂扣”`);
    }
  }
  // A supervision card makes the holder supervision staff when the sheet does not say.
  if (kind === null && certType === '行政执法监督证') kind = '监督人员';
  if (kind !== null && certType !== null && certTypeFor(kind) !== certType) {
    reader.issue('CERT_TYPE_MISMATCH', 'cert_type', `${kind}应持有“${certTypeFor(kind)}”，但证件类型填写为“${certType}”，请核对`);
  }
  if (reader.has('personnel_kind') || kind !== null) reader.set('personnel_kind', kind);

  const dateFieldsHadErrors = reader.draft.issues.some((i) => (i.field === 'issue_date' || i.field === 'expiry_date') && i.severity === 'error');
  const hasCertFacts = number !== null || issueDate !== null || expiryDate !== null || dateFieldsHadErrors;
  if (hasCertFacts) {
    const type: CertType = certType ?? certTypeFor(kind ?? '执法人员');
    if (number === null) {
      reader.issue('CERT_INCOMPLETE', 'cert_number', '填写了证件日期，但缺少执法证号。请补填证号，或清空证件日期');
    } else if (!dateFieldsHadErrors) {
      if (issueDate === null && expiryDate === null) {
        reader.issue('CERT_INCOMPLETE', reader.has('issue_date') ? 'issue_date' : 'cert_number', '有执法证号，但没有发证日期和有效期，无法登记证件。请补填发证日期或有效期');
      } else if (issueDate === null && expiryDate !== null) {
        issueDate = addDays(addYears(expiryDate, -rules.certValidityYears), 1);
        reader.issue('CERT_ISSUE_DERIVED', 'expiry_date', `未填发证日期，按有效期 ${rules.certValidityYears} 年推算为 ${issueDate}`);
      } else if (issueDate !== null && expiryDate === null) {
        expiryDate = validityEnd(issueDate, rules.certValidityYears);
        reader.issue('CERT_EXPIRY_DERIVED', 'issue_date', `未填有效期，按有效期 ${rules.certValidityYears} 年推算为 ${expiryDate}`);
      }
    }
    if (issueDate !== null && expiryDate !== null) {
      if (expiryDate <= issueDate) {
        reader.issue('CERT_EXPIRY_BEFORE_ISSUE', 'expiry_date', `有效期至 ${expiryDate} 早于或等于发证日期 ${issueDate}`);
      } else {
        const expected = cachedValidityEnd(issueDate, rules.certValidityYears);
        if (expected !== expiryDate && Math.abs(daysBetween(expected, expiryDate)) > 31) {
          reader.issue('CERT_EXPIRY_UNUSUAL', 'expiry_date', `发证日期 ${issueDate} 到有效期至 ${expiryDate} 不是规定的 ${rules.certValidityYears} 年（应为 ${expected} 左右），请核对`);
        }
        if (expiryDate < rules.today) reader.issue('CERT_EXPIRED', 'expiry_date', `证件已于 ${expiryDate} 过期，导入后显示为“已过期”`);
      }
    }
    if (staffing !== null && !mayHoldCertificate(staffing)) {
      reader.issue('CERT_NOT_ALLOWED', 'staffing_type', `${staffing}不能持有行政执法证件（只有在编在职人员可以持证，湘政府令第280号），但此行填写了执法证号`);
    }
    cert = { type, number, issueDate, expiryDate, state };
    reader.set('cert_type', type);
    reader.set('cert_number', number);
    reader.set('issue_date', issueDate);
    reader.set('expiry_date', expiryDate);
    if (reader.has('cert_state')) reader.set('cert_state', state);
  } else {
    for (const f of ['cert_type', 'cert_number', 'issue_date', 'expiry_date', 'cert_state']) if (reader.has(f)) reader.set(f, null);
  }

  return Object.assign(reader.draft, {
    person: { name, idNumber, sex, birthDate: idBirth, unitId, kind, staffing, post, category, scope, legalReviewer, phone, notes },
    cert,
  });
}
