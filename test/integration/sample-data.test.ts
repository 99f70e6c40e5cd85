import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase, type Db } from '../../electron/backend/db/open-database.ts';
import { nameInitials } from '../../electron/backend/personnel/name-initials.ts';
import { generateSampleData, type SampleDataSummary } from '../../electron/backend/sample-data/generate-sample-data.ts';
import { AppError } from '../../shared/api/errors.ts';
import { deriveCertStatus, type CertStatus } from '../../shared/domain/certificate-status.ts';
import type { CertState } from '../../shared/domain/certificate-vocabulary.ts';
import { validityEnd } from '../../shared/domain/dates.ts';
import { checkIdNumber } from '../../shared/domain/id-number.ts';
import { derivePublicationStatus } from '../../shared/domain/publication-status.ts';
import { MIGRATIONS_DIR, tempDir } from '../helpers/paths.ts';

const TODAY = '2026-11-29';
const SEED = 2023;
const OPERATOR = '李芳';

async function freshDb(): Promise<Db> {
  const dir = tempDir('sample-data-');
  return (await openDatabase(path.join(dir, 'registry.sqlite3'), { backupDir: dir, migrations: loadMigrations(MIGRATIONS_DIR) })).db;
}

/** Every row of every table, hashed. operations.at is the real time of the click, not data. */
function contentHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts*' ORDER BY name`).pluck().all() as string[];
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => !(table === 'operations' && c === 'at'));
    hash.update(`#${table}\n`);
    for (const row of db
      .prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`)
      .raw()
      .iterate())
      hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

interface CurrentCard {
  person_id: number;
  state: CertState | null;
  expiry_date: string | null;
}

/** Each person's current card of the type their role calls for, as the overview takes it. */
function currentStatuses(db: Db): Map<number, CertStatus> {
  const rows = db
    .prepare(
      `SELECT p.id AS person_id, c.state, c.expiry_date
         FROM personnel p
         LEFT JOIN certificates c ON c.id = (
           SELECT c2.id FROM certificates c2
            WHERE c2.person_id = p.id AND c2.state <> '已换发'
              AND c2.cert_type = CASE p.personnel_kind WHEN '监督人员' THEN '行政执法监督证' ELSE '行政执法证' END
            ORDER BY c2.id DESC LIMIT 1)`,
    )
    .all() as CurrentCard[];
  return new Map(rows.map((r) => [r.person_id, deriveCertStatus(r.state ? { state: r.state, expiryDate: r.expiry_date } : null, { today: TODAY, warningDays: 180 })]));
}

describe('sample data (seed 2023, today 2026-11-29)', () => {
  let db: Db;
  let summary: SampleDataSummary;

  beforeAll(async () => {
    db = await freshDb();
    summary = generateSampleData(db, { seed: SEED, operator: OPERATOR, today: TODAY });
  });

  // How fast it is belongs to `npm run bench` (measure sample_data), not to a timed assertion here.
  it('reports what it wrote', () => {
    expect(summary).toEqual({ units: 37, personnel: 1060, inspectionItems: 1771, listItems: 428 });
  });

  it('records one sample_data operation and leaves foreign keys consistent', () => {
    expect(db.prepare(`SELECT kind, summary, operator FROM operations`).all()).toEqual([{ kind: 'sample_data', summary: '生成示例数据（种子 2023）', operator: OPERATOR }]);
    expect(count(db, `SELECT count(*) FROM change_log`)).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(count(db, `SELECT count(*) FROM certificate_events WHERE operator <> ?`, OPERATOR)).toBe(0);
    for (const table of ['units', 'personnel', 'certificates', 'inspection_items', 'penalty_list_items', 'list_publications']) {
      expect(count(db, `SELECT count(*) FROM ${table} WHERE updated_at < created_at OR created_at NOT GLOB '20[0-9][0-9]-[01][0-9]-[0-3][0-9]T*Z'`), table).toBe(0);
    }
  });

  it('holds the report’s units: 25 municipal, 12 towns, 23 agencies, each with aliases', () => {
    expect(count(db, `SELECT count(*) FROM units WHERE kind = '市直单位'`)).toBe(25);
    expect(count(db, `SELECT count(*) FROM units WHERE kind = '乡镇街道'`)).toBe(12);
    expect(count(db, `SELECT count(*) FROM units WHERE keeps_inspection_lists = 1`)).toBe(23);
    expect(count(db, `SELECT count(*) FROM units WHERE keeps_inspection_lists = 1 AND kind <> '市直单位'`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM units u WHERE (SELECT count(*) FROM unit_aliases a WHERE a.unit_id = u.id) < 2`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM unit_aliases a JOIN units u ON u.name = a.alias`)).toBe(0);
    for (const name of ['沅江市公安局', '国家税务总局沅江市税务局', '益阳市生态环境局沅江分局', '琼湖街道', '共华镇']) {
      expect(count(db, `SELECT count(*) FROM units WHERE name = ?`, name)).toBe(1);
    }
    const towns = db.prepare(`SELECT count(p.id) FROM units u JOIN personnel p ON p.unit_id = u.id WHERE u.kind = '乡镇街道' GROUP BY u.id`).pluck().all() as number[];
    expect(towns.every((n) => n >= 10 && n <= 25)).toBe(true);
  });

  it('holds 1,032 enforcement and 28 supervision staff, 62 legal reviewers, with 3–5 units below 5 %', () => {
    expect(count(db, `SELECT count(*) FROM personnel WHERE personnel_kind = '执法人员'`)).toBe(1032);
    expect(count(db, `SELECT count(*) FROM personnel WHERE personnel_kind = '监督人员'`)).toBe(28);
    expect(count(db, `SELECT count(*) FROM personnel WHERE is_legal_reviewer = 1`)).toBe(62);
    const ratios = db.prepare(`SELECT sum(is_legal_reviewer) AS reviewers, sum(personnel_kind = '执法人员') AS enforcement, count(*) AS total FROM personnel GROUP BY unit_id`).all() as {
      reviewers: number;
      enforcement: number;
      total: number;
    }[];
    // Below 5 % whichever denominator a rule takes; every other unit is above it under both.
    const below = ratios.filter((r) => r.reviewers < 0.05 * r.enforcement && r.reviewers < 0.05 * r.total).length;
    const above = ratios.filter((r) => r.reviewers >= 0.05 * r.enforcement && r.reviewers >= 0.05 * r.total).length;
    expect(below).toBeGreaterThanOrEqual(3);
    expect(below).toBeLessThanOrEqual(5);
    expect(below + above).toBe(37);
    expect(count(db, `SELECT count(*) FROM personnel WHERE is_legal_reviewer = 1 AND staffing_type IN ('工勤', '聘用辅助人员')`)).toBe(0);
  });

  it('gives everyone a valid, unique ID number matching sex and birth date, aged 24–59, and correct initials', () => {
    const people = db.prepare(`SELECT name, name_initials, sex, id_number, birth_date FROM personnel`).all() as {
      name: string;
      name_initials: string;
      sex: string;
      id_number: string;
      birth_date: string;
    }[];
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
    for (const p of people) {
      const check = checkIdNumber(p.id_number, TODAY);
      expect(check.ok, `${p.name} ${p.id_number}`).toBe(true);
      if (!check.ok) continue;
      expect(check.sex).toBe(p.sex);
      expect(check.birthDate).toBe(p.birth_date);
      expect(check.regionCode).toMatch(/^4309(81|02|03|21|22|23)$/);
      expect(p.name_initials).toBe(nameInitials(p.name));
      expect(p.name_initials).toMatch(/^[a-z]{2,4}$/);
    }
    const ages = people.map((p) => Number(TODAY.slice(0, 4)) - Number(p.birth_date.slice(0, 4)) - (TODAY.slice(5) < p.birth_date.slice(5) ? 1 : 0));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(24);
    expect(Math.max(...ages)).toBeLessThanOrEqual(59);
    expect(count(db, `SELECT count(*) FROM personnel WHERE substr(id_number, 1, 6) = '430981'`)).toBeGreaterThan(people.length * 0.7);
    // Common names repeat, as in a real roster (the search must tell them apart).
    expect(count(db, `SELECT count(*) FROM (SELECT name FROM personnel GROUP BY name HAVING count(*) > 1)`)).toBeGreaterThan(3);
    // 曾 read as the surname Zēng, not céng.
    expect(count(db, `SELECT count(*) FROM personnel WHERE name LIKE '曾%' AND name_initials NOT LIKE 'z%'`)).toBe(0);
  });

  it('gives no certificate to auxiliary or manual staff, and the right card type to each role', () => {
    expect(count(db, `SELECT count(*) FROM personnel WHERE staffing_type IN ('工勤', '聘用辅助人员')`)).toBe(10);
    expect(count(db, `SELECT count(*) FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE p.staffing_type IN ('工勤', '聘用辅助人员')`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE p.personnel_kind = '执法人员' AND c.cert_type <> '行政执法证'`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE p.personnel_kind = '监督人员' AND c.cert_type <> '行政执法监督证'`)).toBe(0);
  });

  it('issued exactly 428 certificates in 2023, each valid five years', () => {
    expect(count(db, `SELECT count(*) FROM certificates WHERE issue_date BETWEEN '2023-01-01' AND '2023-12-31'`)).toBe(428);
    const cards = db.prepare(`SELECT issue_date, expiry_date FROM certificates WHERE issue_date IS NOT NULL`).all() as { issue_date: string; expiry_date: string }[];
    for (const c of cards) expect(c.expiry_date).toBe(validityEnd(c.issue_date, 5));
    expect(count(db, `SELECT count(*) FROM certificates WHERE issue_date < '2019-01-01'`)).toBe(0);
  });

  it('shows a realistic status mix today', () => {
    const tally = new Map<CertStatus, number>();
    for (const status of currentStatuses(db).values()) tally.set(status, (tally.get(status) ?? 0) + 1);
    const n = (s: CertStatus) => tally.get(s) ?? 0;
    expect(n('即将到期')).toBeGreaterThanOrEqual(40);
    expect(n('即将到期')).toBeLessThanOrEqual(80);
    expect(n('已过期')).toBeGreaterThan(0);
    expect(n('已注销')).toBe(15);
    expect(n('暂扣')).toBe(2);
    expect(n('吊销')).toBe(1);
    expect(n('待考试')).toBe(20);
    expect(n('无证')).toBeGreaterThanOrEqual(10);
    expect(n('有效')).toBeGreaterThan(800);
    expect(count(db, `SELECT count(*) FROM certificates WHERE state = '已注销' AND (cancel_reason IS NULL OR cancel_date IS NULL)`)).toBe(0);
  });

  it('explains every certificate by its events, in date order, and every issued card by a passed exam', () => {
    const events = db.prepare(`SELECT certificate_id, event_type, event_date FROM certificate_events ORDER BY certificate_id, id`).all() as {
      certificate_id: number;
      event_type: string;
      event_date: string;
    }[];
    const byCard = new Map<number, typeof events>();
    for (const e of events) byCard.set(e.certificate_id, [...(byCard.get(e.certificate_id) ?? []), e]);
    expect(byCard.size).toBe(count(db, `SELECT count(*) FROM certificates`));
    for (const list of byCard.values()) {
      expect(list[0]?.event_type).toBe('申领');
      const dates = list.map((e) => e.event_date);
      expect(dates).toEqual([...dates].sort());
    }
    expect(
      count(
        db,
        `SELECT count(*) FROM certificates c WHERE c.issue_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM certificate_events e WHERE e.certificate_id = c.id AND e.event_type IN ('发证', '换证') AND e.event_date = c.issue_date)`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM certificates c WHERE c.state = '已注销' AND NOT EXISTS (SELECT 1 FROM certificate_events e WHERE e.certificate_id = c.id AND e.event_type = '注销' AND e.reason = c.cancel_reason)`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM certificates c WHERE c.issue_date IS NOT NULL AND NOT EXISTS (
                   SELECT 1 FROM exams x WHERE x.person_id = c.person_id AND x.passed = 1 AND x.score >= 60
                      AND x.exam_date <= c.issue_date AND x.exam_date >= date(c.issue_date, '-60 days'))`,
      ),
    ).toBe(0);
    expect(count(db, `SELECT count(*) FROM exams WHERE passed = 0`)).toBeGreaterThan(0);
    expect(count(db, `SELECT count(*) FROM exams WHERE (passed = 1) <> (score >= 60)`)).toBe(0);
  });

  it('chains renewals to the card they replaced', () => {
    expect(count(db, `SELECT count(*) FROM certificates WHERE replaces_id IS NOT NULL`)).toBeGreaterThan(100);
    expect(
      count(
        db,
        `SELECT count(*) FROM certificates n JOIN certificates o ON o.id = n.replaces_id
                  WHERE o.person_id <> n.person_id OR o.state <> '已换发' OR o.issue_date >= n.issue_date OR o.expiry_date < n.issue_date`,
      ),
    ).toBe(0);
    expect(count(db, `SELECT count(*) FROM certificates o WHERE o.state = '已换发' AND NOT EXISTS (SELECT 1 FROM certificates n WHERE n.replaces_id = o.id)`)).toBe(0);
  });

  it('dates nothing after today', () => {
    for (const [table, column] of [
      ['certificates', 'issue_date'],
      ['certificates', 'cancel_date'],
      ['certificates', 'announce_date'],
      ['certificate_events', 'event_date'],
      ['exams', 'exam_date'],
      ['training_records', 'training_date'],
      ['transfers', 'transfer_date'],
      ['list_publications', 'publish_date'],
    ] as const) {
      expect(count(db, `SELECT count(*) FROM ${table} WHERE ${column} > ?`, TODAY), `${table}.${column}`).toBe(0);
    }
  });

  it('has most people at 60 training hours last year and about one in seven short this year', () => {
    const shortOf60 = (year: number) =>
      count(db, `SELECT count(*) FROM personnel p WHERE (SELECT coalesce(sum(hours), 0) FROM training_records t WHERE t.person_id = p.id AND substr(t.training_date, 1, 4) = ?) < 60`, String(year));
    expect(shortOf60(2025)).toBeLessThan(1060 * 0.15);
    expect(shortOf60(2026)).toBeGreaterThan(1060 * 0.08);
    expect(shortOf60(2026)).toBeLessThan(1060 * 0.25);
    expect(count(db, `SELECT count(*) FROM training_records WHERE organiser = '沅江市司法局'`)).toBeGreaterThan(1000);
  });

  it('records 5–10 transfers, each to the person’s current unit', () => {
    const transfers = count(db, `SELECT count(*) FROM transfers`);
    expect(transfers).toBeGreaterThanOrEqual(5);
    expect(transfers).toBeLessThanOrEqual(10);
    expect(count(db, `SELECT count(*) FROM transfers t JOIN personnel p ON p.id = t.person_id WHERE p.unit_id <> t.to_unit_id OR t.from_unit_id = t.to_unit_id`)).toBe(0);
  });

  it('holds 1,771 inspection items (1,538 general, 233 key), distinct per agency, some with line breaks', () => {
    expect(count(db, `SELECT count(*) FROM inspection_items WHERE category = '一般检查事项'`)).toBe(1538);
    expect(count(db, `SELECT count(*) FROM inspection_items WHERE category = '重点检查事项'`)).toBe(233);
    expect(count(db, `SELECT count(DISTINCT unit_id) FROM inspection_items`)).toBe(23);
    expect(count(db, `SELECT count(*) FROM (SELECT unit_id, name FROM inspection_items GROUP BY unit_id, name HAVING count(*) > 1)`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM inspection_items WHERE content LIKE '%' || char(10) || '%'`)).toBeGreaterThan(100);
    expect(count(db, `SELECT count(*) FROM inspection_items i JOIN units u ON u.id = i.unit_id WHERE i.subject <> u.name OR i.item_code IS NULL OR i.basis IS NULL`)).toBe(0);
  });

  it('holds the four lists (220 / 89 / 96 / 23) with the planned overlaps', () => {
    const lists = Object.fromEntries(db.prepare(`SELECT list_kind, count(*) FROM penalty_list_items GROUP BY list_kind`).raw().all() as [string, number][]);
    expect(lists).toEqual({ no_penalty: 220, lighter_penalty: 89, reduced_penalty: 96, no_coercion: 23 });
    expect(count(db, `SELECT count(DISTINCT unit_id) FROM penalty_list_items WHERE list_kind = 'no_coercion'`)).toBe(6);
    expect(count(db, `SELECT count(*) FROM penalty_list_items WHERE (list_kind = 'reduced_penalty') <> (discretion IS NOT NULL)`)).toBe(0);
    // The same violation in two agencies' lists …
    expect(count(db, `SELECT count(*) FROM (SELECT violation FROM penalty_list_items GROUP BY violation HAVING count(DISTINCT unit_id) > 1)`)).toBe(3);
    // … and in two lists of one agency.
    expect(count(db, `SELECT count(*) FROM (SELECT unit_id, violation FROM penalty_list_items GROUP BY unit_id, violation HAVING count(DISTINCT list_kind) > 1)`)).toBe(2);
    expect(count(db, `SELECT count(*) FROM (SELECT unit_id, list_kind, violation FROM penalty_list_items GROUP BY 1, 2, 3 HAVING count(*) > 1)`)).toBe(0);
  });

  it('has exactly the 14 named agencies published today', () => {
    const latest = db
      .prepare(
        `SELECT u.short_name, p.publish_date, p.valid_to, p.revoked
           FROM units u JOIN list_publications p ON p.id = (
             SELECT p2.id FROM list_publications p2 WHERE p2.unit_id = u.id ORDER BY p2.publish_date DESC, p2.id DESC LIMIT 1)`,
      )
      .all() as { short_name: string; publish_date: string; valid_to: string | null; revoked: number }[];
    const published = latest
      .filter((p) => derivePublicationStatus({ publishDate: p.publish_date, validTo: p.valid_to, revoked: p.revoked === 1 }, TODAY) === '已发布')
      .map((p) => p.short_name)
      .sort();
    expect(published).toEqual(
      [
        '市农业农村局',
        '市林业局',
        '市文旅广体局',
        '市公安局',
        '市气象局',
        '市水利局',
        '市卫健局',
        '市税务局',
        '市医疗保障局',
        '市财政局',
        '市司法局',
        '市应急管理局',
        '市城管局',
        '市消防救援大队',
      ].sort(),
    );
    expect(count(db, `SELECT count(*) FROM list_publications WHERE valid_to < ?`, TODAY)).toBeGreaterThan(0);
  });

  it('refuses a registry that already holds units, changing nothing', () => {
    const before = contentHash(db);
    let error: unknown;
    try {
      generateSampleData(db, { seed: SEED, operator: OPERATOR, today: TODAY });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect(contentHash(db)).toBe(before);
  });

  it('is reproducible: the same seed and date give identical rows, another seed other people', async () => {
    const again = await freshDb();
    generateSampleData(again, { seed: SEED, operator: OPERATOR, today: TODAY });
    expect(contentHash(again)).toBe(contentHash(db));

    const other = await freshDb();
    generateSampleData(other, { seed: 7, operator: OPERATOR, today: TODAY });
    const ids = (d: Db) => new Set(d.prepare(`SELECT id_number FROM personnel`).pluck().all() as string[]);
    const mine = ids(db);
    const theirs = [...ids(other)];
    expect(theirs.filter((id) => mine.has(id)).length).toBeLessThan(10);
    const names = (d: Db) => d.prepare(`SELECT name FROM personnel ORDER BY id LIMIT 50`).pluck().all();
    expect(names(other)).not.toEqual(names(db));
    // The figures do not depend on the seed.
    expect(count(other, `SELECT count(*) FROM certificates WHERE issue_date LIKE '2023-%'`)).toBe(428);
    expect(count(other, `SELECT count(*) FROM personnel WHERE is_legal_reviewer = 1`)).toBe(62);
  });

  it('refuses a date before the report year is over', async () => {
    const early = await freshDb();
    expect(() => generateSampleData(early, { seed: SEED, operator: OPERATOR, today: '2023-12-31' })).toThrow(AppError);
    expect(count(early, `SELECT count(*) FROM units`)).toBe(0);
  });
});
