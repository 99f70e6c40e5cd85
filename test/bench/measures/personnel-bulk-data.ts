import type { Db } from '../../../electron/backend/db/open-database.ts';
import { generateName } from '../../../electron/backend/sample-data/names.ts';
import { createRandom } from '../../../electron/backend/sample-data/random.ts';
import { composeIdNumber } from '../../../shared/domain/id-number.ts';
import { addDays, validityEnd } from '../../../shared/domain/dates.ts';
import { nameInitials } from '../../../electron/backend/personnel/name-initials.ts';

/**
 * Fills a registry that already holds the sample units with `count` extra personnel, written with
 * plain SQL in one transaction (the tracked Writer would log every row): each person with a
 * certificate history (a renewal for a third of them, a few cancelled, suspended or pending) and
 * this year's training records. The mix of statuses follows the sample data's shares, so filters
 * hit realistic numbers of rows. Used by the personnel benchmark; exports no measures itself.
 */
export function addBulkPersonnel(db: Db, count: number, today: string, seed = 7): void {
  const rng = createRandom(seed);
  const units = db.prepare(`SELECT id, name FROM units ORDER BY id`).all() as { id: number; name: string }[];
  const insertPerson = db.prepare(
    `INSERT INTO personnel (unit_id, personnel_kind, name, name_initials, sex, id_number, birth_date, post, staffing_type, enforcement_category, enforcement_scope, is_legal_reviewer)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCard = db.prepare(
    `INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_reason, cancel_date, replaces_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTraining = db.prepare(`INSERT INTO training_records (person_id, training_date, course, hours, organiser) VALUES (?, ?, ?, ?, '沅江市司法局')`);
  const initialsCache = new Map<string, string>();
  const year = Number(today.slice(0, 4));
  const usedIds = new Set(db.prepare(`SELECT id_number FROM personnel`).pluck().all() as string[]);
  let cardNo = 0;

  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const unit = units[i % units.length];
      if (!unit) throw new Error('no units: generate the sample data first');
      const sex = rng.chance(0.65) ? '男' : '女';
      const name = generateName(rng, sex);
      let initials = initialsCache.get(name);
      if (initials === undefined) {
        initials = nameInitials(name);
        initialsCache.set(name, initials);
      }
      let idNumber: string;
      let birth: string;
      do {
        birth = `${rng.int(1966, 2001)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const seq = rng.int(0, 499) * 2 + (sex === '男' ? 1 : 0);
        idNumber = composeIdNumber(rng.pick(['430981', '430902', '430921', '430103']), birth, seq);
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const supervisor = rng.chance(0.03);
      const auxiliary = !supervisor && rng.chance(0.01);
      const personId = Number(
        insertPerson.run(
          unit.id,
          supervisor ? '监督人员' : '执法人员',
          name,
          initials,
          sex,
          idNumber,
          birth,
          rng.pick(['科员', '执法队员', '股长', '中队长', '副局长']),
          auxiliary ? '聘用辅助人员' : rng.pick(['行政编制', '参照公务员管理', '事业编制']),
          '综合执法',
          '城乡综合执法',
          rng.chance(0.06) ? 1 : 0,
        ).lastInsertRowid,
      );
      const certType = supervisor ? '行政执法监督证' : '行政执法证';
      if (!auxiliary && !rng.chance(0.02)) {
        const roll = rng.next();
        let issue = addDays(today, -rng.int(30, 1700));
        let replaces: number | null = null;
        if (rng.chance(0.33)) {
          const oldIssue = addDays(issue, -1800);
          cardNo += 1;
          replaces = Number(insertCard.run(personId, certType, `B${String(cardNo).padStart(9, '0')}`, '已换发', oldIssue, validityEnd(oldIssue, 5), null, null, null).lastInsertRowid);
        }
        if (roll < 0.02) {
          insertCard.run(personId, certType, null, '待考试', null, null, null, null, null);
        } else {
          if (roll > 0.98) issue = addDays(today, -rng.int(1830, 1900)); // expired
          const state = roll < 0.035 ? '已注销' : roll < 0.04 ? '暂扣' : '有效';
          cardNo += 1;
          insertCard.run(
            personId,
            certType,
            `B${String(cardNo).padStart(9, '0')}`,
            state,
            issue,
            validityEnd(issue, 5),
            state === '已注销' ? '调离执法岗位' : null,
            state === '已注销' ? addDays(today, -rng.int(1, 300)) : null,
            replaces,
          );
        }
      }
      const courses = rng.int(2, 6);
      for (let c = 0; c < courses; c += 1) {
        insertTraining.run(personId, `${year}-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, '行政执法专题培训', rng.pick([4, 8, 12, 16, 24]));
      }
    }
  })();
}
