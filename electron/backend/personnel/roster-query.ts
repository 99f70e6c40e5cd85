import type { RosterFilter, RosterRow, RosterSort } from '../../../shared/api/methods/personnel.ts';
import { isActiveOfficer, STAFFING_WITHOUT_CERTIFICATE } from '../../../shared/domain/certificate-rules.ts';
import { CLOSED_CERT_STATUSES, certStatusThresholds, daysToExpiry, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import type { CertState, CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { checkIdNumber, idSexMismatch, maskIdNumber } from '../../../shared/domain/id-number.ts';
import type { PersonnelKind, Sex, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { classifyRosterSearch, type RosterSortKey } from '../../../shared/domain/roster-query.ts';
import { synonymVariants, type SearchSynonym } from '../../../shared/domain/search-synonyms.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { roleCertTypeSql } from '../db/current-certificate.ts';
import type { Db } from '../db/open-database.ts';
import { certFlowParams, certFlowSql } from './cert-flow-sql.ts';
import { certStatusSql } from './cert-status-sql.ts';

/**
 * The roster in SQL: filtering, sorting and search run in SQLite, so 100,000 people cost one query.
 * The table is windowed: `queryRosterIds` returns every matching id in order, and the page asks
 * `rosterRows` for the rows it is about to show.
 */

export interface RosterRules {
  today: string;
  warningDays: number;
  trainingRequiredHours: number;
  /** The clerk's synonym list: a unit typed by its abbreviation finds its people. */
  searchSynonyms: readonly SearchSynonym[];
}

/** The roster's rules as the clerk's settings set them today: one place for every roster count and query. */
export function rosterRulesOf(today: string, settings: RegistrySettings): RosterRules {
  return { today, warningDays: settings.expiryWarningDays, trainingRequiredHours: settings.annualTrainingHours, searchSynonyms: settings.searchSynonyms };
}

type Params = Record<string, string | number | null>;

/** `%` and `_` typed by the clerk are literal characters, not wildcards. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The smallest string after every string starting with `prefix` ('zw' → 'zx'), for an index range. */
function nextPrefix(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

const SQL_LIST = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The pieces of SQL every roster query shares. The person's current card comes from
 * certificate_current and this year's hours from training_year_hours (migration 0003: caches kept
 * by triggers), so a 100,000-person query is a scan with key lookups, not a subquery per person.
 */
export function rosterSqlParts(certType: CertType | null) {
  const certTypeExpr = certType ? '@certType' : roleCertTypeSql('p');
  const certJoin = `LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = ${certTypeExpr}`;
  const trainingJoin = `LEFT JOIN training_year_hours th ON th.person_id = p.id AND th.year = @trainingYear`;
  return {
    // CROSS JOIN keeps personnel as the outer loop, read in rowid order: letting SQLite walk it in
    // unit order through personnel_unit costs a random page read per person (10× slower at 100,000).
    from: `FROM personnel p
           CROSS JOIN units u ON u.id = p.unit_id
           ${certJoin}
           ${trainingJoin}`,
    /** For a filter alone, which never reads `u`, and the cache tables only when it reads them. */
    fromForFilter: (needs: { needsCert: boolean; needsTraining: boolean }) => `FROM personnel p ${needs.needsCert || needs.needsTraining ? certJoin : ''} ${needs.needsTraining ? trainingJoin : ''}`,
    status: certStatusSql('cc'),
    certTypeExpr,
    training: `ifnull(th.hours, 0)`,
    /** Staff still in enforcement work (isActiveOfficer in shared/domain/certificate-rules.ts). */
    activeOfficer: (status: string) => `(p.staffing_type NOT IN (${SQL_LIST(STAFFING_WITHOUT_CERTIFICATE)}) AND ${status} NOT IN (${SQL_LIST(CLOSED_CERT_STATUSES)}))`,
  };
}

function baseParams(rules: RosterRules, certType: CertType | null): Params {
  const thresholds = certStatusThresholds({ today: rules.today, warningDays: rules.warningDays });
  return {
    expiredBefore: thresholds.expiredBefore,
    expiringUntil: thresholds.expiringUntil,
    trainingYear: Number(rules.today.slice(0, 4)),
    ...(certType ? { certType } : {}),
  };
}

/**
 * ORDER BY terms of a sort key. `nullsLast` terms keep empty cells at the bottom in both directions;
 * the others are reversed for a descending sort.
 */
interface SortTerm {
  expr: string;
  nullsLast?: true;
}

function sortTerms(key: RosterSortKey, status: string, training: string, certTypeExpr: string): SortTerm[] {
  const nullable = (column: string): SortTerm[] => [{ expr: `${column} IS NULL`, nullsLast: true }, { expr: column }];
  switch (key) {
    case 'unit':
      return [{ expr: `CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END` }, { expr: 'u.sort_order' }, { expr: 'u.id' }];
    case 'name':
      // Initials first gives pinyin order; code-point order of Chinese characters means nothing to a clerk.
      return [{ expr: 'p.name_initials' }, { expr: 'p.name' }];
    case 'sex':
      return [{ expr: 'p.sex' }];
    case 'idNumber':
      return [{ expr: 'p.id_number' }];
    case 'post':
      return nullable('p.post');
    case 'staffingType':
      return [{ expr: `CASE p.staffing_type WHEN '行政编制' THEN 0 WHEN '参照公务员管理' THEN 1 WHEN '事业编制' THEN 2 WHEN '工勤' THEN 3 WHEN '聘用辅助人员' THEN 4 ELSE 5 END` }];
    case 'category':
      return nullable('p.enforcement_category');
    case 'scope':
      return nullable('p.enforcement_scope');
    case 'certType':
      return [{ expr: certTypeExpr }];
    case 'certNumber':
      return nullable('cc.cert_number');
    case 'issueDate':
      return nullable('cc.issue_date');
    case 'expiryDate':
      return nullable('cc.expiry_date');
    case 'status':
      // Most urgent first: expired, expiring, suspended …
      return [
        {
          expr: `CASE ${status} WHEN '已过期' THEN 0 WHEN '即将到期' THEN 1 WHEN '暂扣' THEN 2 WHEN '待发证' THEN 3 WHEN '待考试' THEN 4 WHEN '无证' THEN 5 WHEN '有效' THEN 6 WHEN '吊销' THEN 7 ELSE 8 END`,
        },
      ];
    case 'trainingHours':
      return [{ expr: training }];
    case 'legalReviewer':
      // Reviewers first when ascending.
      return [{ expr: '-p.is_legal_reviewer' }];
  }
}

/** Unary + keeps SQLite from walking an index in sort order (see the CROSS JOIN above); it sorts instead. */
function orderBy(terms: SortTerm[], order: 'asc' | 'desc'): string {
  return terms.map((t) => `+(${t.expr})${order === 'desc' && !t.nullsLast ? ' DESC' : ''}`).join(', ');
}

export interface RosterQuery {
  sql: string;
  params: Params;
}

/** One character is in too many unit names (市, 局) to say which unit is meant. */
const UNIT_TEXT_MIN_LENGTH = 2;

/**
 * The ids of the people a search box's text finds, as SQL yielding person ids (and its
 * parameters), or null for an empty search. The roster and the header's global search both use
 * it, so they find the same people. Each branch scans one index and yields person ids:
 * - Latin letters: pinyin initials ('zw'), full pinyin ('zhangsan', 'zhang san': spaces are
 *   dropped), both as prefixes, or part of a card number;
 * - digits: part of an ID number or of a card number;
 * - other text: part of a name or of a card number, or (from two characters) the unit's name,
 *   short name or alias, through the synonym list (市监局 finds 市场监督管理局's people), unless
 *   `byUnit` is off (the global search lists the unit itself instead).
 */
export function personSearchSql(raw: string, synonyms: readonly SearchSynonym[], options: { byUnit: boolean; distinct?: boolean } = { byUnit: true }): { sql: string; params: Params } | null {
  const search = classifyRosterSearch(raw);
  // Inside `p.id IN (…)` duplicates do no harm, and UNION ALL spares SQLite reading each branch in
  // person order (a random table read per card when it walks certificates_person) to merge them.
  const UNION = options.distinct === false ? 'UNION ALL' : 'UNION';
  const byCardNumber = `SELECT cs.person_id FROM certificates cs WHERE cs.cert_number LIKE @searchLike ESCAPE '\\'`;
  switch (search.kind) {
    case 'none':
      return null;
    case 'initials':
      return {
        sql: `SELECT id FROM personnel WHERE name_initials >= @initialsFrom AND name_initials < @initialsTo
              ${UNION} SELECT pp.id FROM name_pinyin np JOIN personnel pp ON pp.name = np.name WHERE np.pinyin >= @initialsFrom AND np.pinyin < @initialsTo
              ${UNION} ${byCardNumber}`,
        params: { initialsFrom: search.initials, initialsTo: nextPrefix(search.initials), searchLike: likeContains(search.text) },
      };
    case 'digits':
      return { sql: `SELECT id FROM personnel WHERE id_number LIKE @searchLike ESCAPE '\\' ${UNION} ${byCardNumber}`, params: { searchLike: likeContains(search.digits) } };
    case 'text': {
      const params: Params = { searchLike: likeContains(search.text) };
      let sql = `SELECT id FROM personnel WHERE name LIKE @searchLike ESCAPE '\\' ${UNION} ${byCardNumber}`;
      if (options.byUnit && [...search.text].length >= UNIT_TEXT_MIN_LENGTH) {
        const variants = synonymVariants(search.text, synonyms);
        const likes = variants.map((v, i) => {
          params[`unitLike${i}`] = likeContains(v);
          return `@unitLike${i}`;
        });
        const matches = (column: string) => likes.map((l) => `${column} LIKE ${l} ESCAPE '\\'`).join(' OR ');
        sql += ` ${UNION} SELECT pu.id FROM personnel pu WHERE pu.unit_id IN (
                   SELECT id FROM units WHERE ${matches('name')} OR ${matches("ifnull(short_name, '')")}
                   UNION SELECT unit_id FROM unit_aliases WHERE ${matches('alias')})`;
      }
      return { sql, params };
    }
  }
}

/** The WHERE clause of a roster filter (also used by the printed renewal roster). */
export function rosterWhere(filter: RosterFilter, rules: RosterRules): { where: string[]; params: Params; needsCert: boolean; needsTraining: boolean } {
  const parts = rosterSqlParts(filter.certType);
  const where: string[] = [];
  const params: Params = {};
  let needsCert = false;
  let needsTraining = false;

  const search = personSearchSql(filter.search, rules.searchSynonyms, { byUnit: true, distinct: false });
  if (search) {
    where.push(`p.id IN (${search.sql})`);
    Object.assign(params, search.params);
  }
  // A filter that keeps few people names them through an index (`p.unit_id IN …`, `p.id IN …`), so
  // SQLite fetches those people by key instead of reading all 100,000 and testing each;
  // test/integration/roster-plan.test.ts holds every such filter to its plan.
  if (filter.unitIds.length > 0) {
    // One bound value per unit (not json_each): SQLite then knows how few units there are and
    // searches personnel_unit instead of scanning everyone.
    const names = filter.unitIds.map((id, i) => {
      params[`unit${i}`] = id;
      return `@unit${i}`;
    });
    where.push(`p.unit_id IN (${names.join(', ')})`);
  }
  if (filter.unitKind) {
    where.push(`p.unit_id IN (SELECT id FROM units WHERE kind = @unitKind)`);
    params['unitKind'] = filter.unitKind;
  }
  if (filter.personnelKind) {
    where.push(`p.personnel_kind = @personnelKind`);
    params['personnelKind'] = filter.personnelKind;
  }
  if (filter.staffingTypes.length > 0) {
    where.push(`p.staffing_type IN (SELECT value FROM json_each(@staffingTypes))`);
    params['staffingTypes'] = JSON.stringify(filter.staffingTypes);
  }
  if (filter.statuses.length > 0) {
    where.push(`${parts.status} IN (SELECT value FROM json_each(@statuses))`);
    params['statuses'] = JSON.stringify(filter.statuses);
    // 已过期 and 即将到期 are cards in force ending by the warning date: the expiry index finds them.
    if (filter.statuses.every((s) => s === '已过期' || s === '即将到期')) where.push(`p.id IN (${cardsInForceEnding('@expiringUntil')})`);
    needsCert = true;
  }
  if (filter.certType) {
    where.push(`cc.certificate_id IS NOT NULL`);
    needsCert = true;
  }
  if (filter.expiringWithinDays !== null) {
    where.push(`cc.state = '有效' AND cc.expiry_date <= @expiryLimit${filter.includeExpired ? '' : ` AND cc.expiry_date >= @today`}`);
    where.push(`p.id IN (${cardsInForceEnding('@expiryLimit', filter.includeExpired ? null : '@today')})`);
    params['expiryLimit'] = addDays(rules.today, filter.expiringWithinDays);
    if (!filter.includeExpired) params['today'] = rules.today;
    needsCert = true;
  }
  if (filter.trainingShort) {
    where.push(`${parts.activeOfficer(parts.status)} AND ${parts.training} < @trainingRequired`);
    params['trainingRequired'] = rules.trainingRequiredHours;
    needsCert = true;
    needsTraining = true;
  }
  if (filter.legalReviewersOnly) where.push(`p.is_legal_reviewer = 1`);
  if (filter.expiryFrom !== null || filter.expiryTo !== null) {
    where.push(`cc.state = '有效' AND cc.expiry_date BETWEEN @expiryFrom AND @expiryTo`);
    where.push(`p.id IN (${cardsInForceEnding('@expiryTo', '@expiryFrom')})`);
    params['expiryFrom'] = filter.expiryFrom ?? '0000-01-01';
    params['expiryTo'] = filter.expiryTo ?? '9999-12-31';
    needsCert = true;
  }
  if (filter.trainingHoursMin !== null || filter.trainingHoursBelow !== null) {
    where.push(`${parts.activeOfficer(parts.status)} AND ${parts.training} >= @hoursMin AND ${parts.training} < @hoursBelow`);
    params['hoursMin'] = filter.trainingHoursMin ?? 0;
    params['hoursBelow'] = filter.trainingHoursBelow ?? Number.MAX_SAFE_INTEGER;
    needsCert = true;
    needsTraining = true;
  }
  if (filter.certFlow) {
    where.push(certFlowSql(filter.certFlow.kind, 'p'));
    Object.assign(params, certFlowParams(filter.certFlow.year));
  }
  return { where, params: { ...baseParams(rules, filter.certType), ...params }, needsCert, needsTraining };
}

/**
 * The people holding a card in force (of any type) that ends in a range: a superset of what the
 * filter keeps (the roster's own card is checked on `cc`), read from certificate_current_expiry.
 */
function cardsInForceEnding(until: string, from: string | null = null): string {
  return `SELECT person_id FROM certificate_current WHERE state = '有效' AND expiry_date <= ${until}${from ? ` AND expiry_date >= ${from}` : ''}`;
}

export function rosterIdsQuery(filter: RosterFilter, sort: RosterSort, rules: RosterRules): RosterQuery {
  const { where, params } = rosterWhere(filter, rules);
  return { sql: sortedIdsSql(filter.certType, sort, where), params };
}

/** `SELECT p.id … WHERE … ORDER BY …`: the one ORDER BY of the roster, whatever the WHERE. */
function sortedIdsSql(certType: CertType | null, sort: RosterSort, where: readonly string[]): string {
  const parts = rosterSqlParts(certType);
  const order = orderBy(sortTerms(sort.key, parts.status, parts.training, parts.certTypeExpr), sort.order);
  // Ties keep the roster's natural order (unit, then the order people were entered).
  const tieBreak = sort.key === 'unit' ? `+p.id${sort.order === 'desc' ? ' DESC' : ''}` : sort.key === 'name' ? '+p.id' : `${orderBy(sortTerms('unit', '', '', ''), 'asc')}, +p.id`;
  return `SELECT p.id ${parts.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}, ${tieBreak}`;
}

/**
 * Everyone in the order of a sort (ties broken down to the id, so the order is total): any
 * filter's people, taken in this order, are that filter's sorted roster. The order depends on
 * the card type shown and on the rules (today, the warning days, the training year), not on the
 * filter.
 */
export function rosterOrderQuery(certType: CertType | null, sort: RosterSort, rules: RosterRules): RosterQuery {
  return { sql: sortedIdsSql(certType, sort, []), params: baseParams(rules, certType) };
}

/** The sorted roster of a given set of people (a JSON array bound as @memberIds). */
export function rosterSortedMembersQuery(certType: CertType | null, sort: RosterSort, rules: RosterRules): RosterQuery {
  return { sql: sortedIdsSql(certType, sort, ['p.id IN (SELECT value FROM json_each(@memberIds))']), params: baseParams(rules, certType) };
}

/**
 * The people a filter keeps, in no order, as one JSON array (one value crosses into JavaScript
 * instead of one row per person: about three times faster at 100,000), or null when the filter
 * keeps everyone. No units join: the filters never read `u`, and a person always has a unit.
 */
export function rosterMembersQuery(filter: RosterFilter, rules: RosterRules): RosterQuery | null {
  const { where, params, needsCert, needsTraining } = rosterWhere(filter, rules);
  if (where.length === 0) return null;
  return { sql: `SELECT json_group_array(p.id) ${rosterSqlParts(filter.certType).fromForFilter({ needsCert, needsTraining })} WHERE ${where.join(' AND ')}`, params };
}

/** How many people a roster filter lists: what a figure linking to that roster must show. */
export function countRoster(db: Db, filter: RosterFilter, rules: RosterRules): number {
  const parts = rosterSqlParts(filter.certType);
  const { where, params } = rosterWhere(filter, rules);
  return db
    .prepare(`SELECT count(*) ${parts.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
    .pluck()
    .get(params) as number;
}

export function queryRosterIds(db: Db, filter: RosterFilter, sort: RosterSort, rules: RosterRules): number[] {
  const { sql, params } = rosterIdsQuery(filter, sort, rules);
  return db.prepare(sql).pluck().all(params) as number[];
}

interface RosterDbRow {
  id: number;
  unit_id: number;
  unit_name: string;
  unit_kind: UnitKind;
  personnel_kind: PersonnelKind;
  name: string;
  sex: Sex;
  id_number: string;
  birth_date: string | null;
  post: string | null;
  staffing_type: StaffingType;
  enforcement_category: string | null;
  enforcement_scope: string | null;
  is_legal_reviewer: number;
  cert_id: number | null;
  cert_type: CertType;
  cert_number: string | null;
  cert_state: CertState | null;
  issue_date: string | null;
  expiry_date: string | null;
  status: CertStatus;
  training_hours: number;
}

/** The columns of a roster row, for a query over `p`, `u` and the current certificate `c`. */
export function rosterSelect(certType: CertType | null): string {
  const parts = rosterSqlParts(certType);
  return `SELECT p.id, p.unit_id, u.name AS unit_name, u.kind AS unit_kind, p.personnel_kind, p.name, p.sex, p.id_number, p.birth_date,
                 p.post, p.staffing_type, p.enforcement_category, p.enforcement_scope, p.is_legal_reviewer,
                 cc.certificate_id AS cert_id, ${parts.certTypeExpr} AS cert_type, cc.cert_number, cc.state AS cert_state, cc.issue_date, cc.expiry_date,
                 ${parts.status} AS status, ${parts.training} AS training_hours
          ${parts.from}`;
}

export function toRosterRow(r: RosterDbRow, today: string, fullIdNumbers: boolean): RosterRow {
  const idCheck = checkIdNumber(r.id_number);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    personnelKind: r.personnel_kind,
    name: r.name,
    sex: r.sex,
    idNumber: fullIdNumbers ? r.id_number : maskIdNumber(r.id_number),
    idProblem: idCheck.ok ? null : idCheck.message,
    sexFromId: idSexMismatch(r.id_number, r.sex),
    birthDate: r.birth_date,
    post: r.post,
    staffingType: r.staffing_type,
    enforcementCategory: r.enforcement_category,
    enforcementScope: r.enforcement_scope,
    isLegalReviewer: r.is_legal_reviewer === 1,
    certificateId: r.cert_id,
    certType: r.cert_type,
    certNumber: r.cert_number,
    issueDate: r.issue_date,
    expiryDate: r.expiry_date,
    status: r.status,
    daysToExpiry: r.cert_state === '有效' ? daysToExpiry(r.expiry_date, today) : null,
    trainingHours: Math.round(r.training_hours * 10) / 10,
    trainingRequired: isActiveOfficer({ staffingType: r.staffing_type, status: r.status }),
  };
}

/** Rows for the given ids, in the order given (ids that no longer exist are skipped). */
export function rosterRows(db: Db, ids: readonly number[], rules: RosterRules, options: { certType: CertType | null; fullIdNumbers: boolean }): RosterRow[] {
  if (ids.length === 0) return [];
  const sql = `${rosterSelect(options.certType)} WHERE p.id IN (SELECT value FROM json_each(@ids))`;
  const rows = db.prepare(sql).all({ ...baseParams(rules, options.certType), ids: JSON.stringify(ids) }) as RosterDbRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: RosterRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) out.push(toRosterRow(row, rules.today, options.fullIdNumbers));
  }
  return out;
}
