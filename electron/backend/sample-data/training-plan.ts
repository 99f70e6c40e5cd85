import type { Random } from './random.ts';

/**
 * A person's training in one year. The rule the clerk checks is at least 60 class hours a year;
 * most people reach it, some do not. Courses sit on fixed days of the year (the bureau's own
 * calendar), so records exist only once their day has come: early in a year, few people have 60 h
 * yet, which is exactly what the clerk would see.
 */

export interface PlannedTraining {
  date: string;
  course: string;
  hours: number;
  organiser: string;
}

const BUREAU = '沅江市司法局';
const ONLINE_ORGANISER = '湖南省司法厅';
const ONLINE_COURSE = '国家工作人员网络学法（湖南省学法考法平台）';

/** [course, hours, month-day] organised by the bureau for all enforcement staff. */
const BUREAU_COURSES: readonly (readonly [string, number, string])[] = [
  ['习近平法治思想专题培训', 4, '03-21'],
  ['行政执法“三项制度”专题培训', 8, '04-18'],
  ['《中华人民共和国行政处罚法》专题培训', 6, '05-23'],
  ['行政执法案卷制作规范培训', 6, '06-27'],
  ['行政复议与行政应诉实务培训', 4, '09-19'],
  ['《中华人民共和国行政强制法》专题培训', 4, '10-24'],
];
const REVIEWER_COURSE = ['法制审核人员业务培训', 8, '08-15'] as const;
const ONLINE_CREDIT_DAYS = ['03-28', '06-27', '09-26', '11-06'] as const;

export interface TrainingInput {
  year: number;
  today: string;
  unitName: string;
  enforcementCategory: string;
  isLegalReviewer: boolean;
  /** False for the share of people who fall short of 60 h that year. */
  reachesTarget: boolean;
  /** Records only from this day (joined the registry) … */
  notBefore: string | null;
  /** … and up to this day (left the service). */
  notAfter: string | null;
}

/** Same calendar every year, shifted by a day or two so years do not look copied. */
function dayIn(year: number, monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return `${year}-${String(month).padStart(2, '0')}-${String(day + (year % 3)).padStart(2, '0')}`;
}

export function planTraining(rng: Random, input: TrainingInput): PlannedTraining[] {
  const { year } = input;
  const target = input.reachesTarget ? rng.int(60, 96) : rng.int(24, 56);
  const records: PlannedTraining[] = [];
  for (const [course, hours, monthDay] of rng.sample(BUREAU_COURSES, rng.int(2, 4))) {
    records.push({ date: dayIn(year, monthDay), course, hours, organiser: BUREAU });
  }
  if (input.isLegalReviewer) records.push({ date: dayIn(year, REVIEWER_COURSE[2]), course: REVIEWER_COURSE[0], hours: REVIEWER_COURSE[1], organiser: BUREAU });
  records.push({
    date: `${year}-07-${String(rng.int(8, 24)).padStart(2, '0')}`,
    course: `${input.enforcementCategory}法律法规业务培训`,
    hours: rng.pick([8, 12, 16, 24]),
    organiser: input.unitName,
  });
  if (rng.chance(0.5)) records.push({ date: dayIn(year, '11-03'), course: '执法规范化与执法记录仪使用培训', hours: 4, organiser: input.unitName });

  // Drop classroom courses until they fit under the target, then fill the rest by online study.
  let classroom = records.reduce((s, r) => s + r.hours, 0);
  while (classroom > target - 4 && records.length > 1) {
    const dropped = records.splice(rng.int(0, records.length - 1), 1)[0];
    classroom -= dropped?.hours ?? 0;
  }
  // Online hours are credited quarterly (the platform's statements), the last before mid-November.
  let online = Math.max(0, target - classroom);
  for (const [quarter, monthDay] of ONLINE_CREDIT_DAYS.entries()) {
    const hours = quarter === ONLINE_CREDIT_DAYS.length - 1 ? online : Math.min(online, Math.round(online * (0.2 + rng.next() * 0.15)));
    if (hours > 0) records.push({ date: dayIn(year, monthDay), course: ONLINE_COURSE, hours, organiser: ONLINE_ORGANISER });
    online -= hours;
  }

  return records
    .filter((r) => r.date <= input.today && (input.notBefore === null || r.date >= input.notBefore) && (input.notAfter === null || r.date <= input.notAfter))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.course < b.course ? -1 : 1));
}
