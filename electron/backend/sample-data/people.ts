import { addDays, addYears, fromDayNumber, toDayNumber } from '../../../shared/domain/dates.ts';
import { composeIdNumber } from '../../../shared/domain/id-number.ts';
import type { Sex, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { maxDate, minDate, randomDay } from './date-picks.ts';
import { nameInitials } from '../personnel/name-initials.ts';
import { generateName } from './names.ts';
import type { Random } from './random.ts';
import type { PostProfile } from './units-catalog.ts';

/**
 * Who a person is: name, sex, birth date, a valid GB 11643 ID number of 益阳 (mostly 沅江市
 * 430981), post and staffing type. Ages are 24–59 on `today`; birth dates are drawn from a fixed
 * range (1968–2000) so they do not move with `today`, narrowed only where the story needs it.
 */

/** 沅江市 and neighbouring 益阳 districts/counties, the origins a 沅江 roster shows. */
const REGION_CODES: readonly (readonly [string, number])[] = [
  ['430981', 80], // 沅江市
  ['430902', 5], // 资阳区
  ['430903', 5], // 赫山区
  ['430921', 4], // 南县
  ['430922', 3], // 桃江县
  ['430923', 3], // 安化县
];

// prettier-ignore
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199',
] as const;

const OLDEST_BIRTH = '1968-01-01';
const YOUNGEST_BIRTH = '2000-12-31';

export interface Identity {
  name: string;
  initials: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  phone: string | null;
}

export interface IdentityInput {
  maleShare: number;
  today: string;
  /** First application or transfer: the person was at least 22 then. */
  earliestDate: string | null;
  /** Retired on this day: a woman who turned 55 shortly before. */
  retiredOn: string | null;
}

export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function birthDate(rng: Random, input: IdentityInput): string {
  // 24–59 on `today`, within the fixed range where possible.
  const lo = maxDate(OLDEST_BIRTH, addDays(addYears(input.today, -60), 1));
  let hi = minDate(YOUNGEST_BIRTH, addYears(input.today, -24));
  if (input.earliestDate) hi = minDate(hi, addYears(input.earliestDate, -22));
  if (input.retiredOn) return maxDate(lo, addDays(addYears(input.retiredOn, -55), -rng.int(0, 40)));
  if (hi <= lo) return lo;
  // Triangular: most staff are 30–50, few at either end.
  const a = toDayNumber(randomDay(rng, lo, hi) ?? lo);
  const b = toDayNumber(randomDay(rng, lo, hi) ?? hi);
  return fromDayNumber(Math.floor((a + b) / 2));
}

export class IdentityFactory {
  private readonly usedIds = new Set<string>();
  private readonly usedPhones = new Set<string>();

  create(rng: Random, input: IdentityInput): Identity {
    const sex: Sex = input.retiredOn ? '女' : rng.chance(input.maleShare) ? '男' : '女';
    const name = generateName(rng, sex);
    const birth = birthDate(rng, input);
    let idNumber: string;
    for (;;) {
      // Sequence digit parity carries the sex: odd for men, even for women.
      let seq = rng.int(1, 999);
      if ((seq % 2 === 1) !== (sex === '男')) seq = seq === 999 ? 998 : seq + 1;
      idNumber = composeIdNumber(rng.weighted(REGION_CODES), birth, seq);
      if (!this.usedIds.has(idNumber)) break;
    }
    this.usedIds.add(idNumber);
    let phone: string | null = null;
    if (rng.chance(0.75)) {
      do phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      while (this.usedPhones.has(phone));
      this.usedPhones.add(phone);
    }
    return { name, initials: nameInitials(name), sex, birthDate: birth, idNumber, phone };
  }
}

/** [post, weight, minimum age] per kind of unit. */
type PostPool = readonly (readonly [string, number, number])[];

// prettier-ignore
const POSTS: Readonly<Record<PostProfile, PostPool>> = {
  police: [['民警', 70, 0], ['法制员', 6, 0], ['副所长', 8, 33], ['所长', 4, 38], ['副大队长', 5, 35], ['大队长', 3, 40], ['教导员', 3, 40], ['副局长', 1, 42]],
  fire: [['防火监督员', 65, 0], ['防火监督科副科长', 12, 30], ['防火监督科科长', 8, 34], ['副大队长', 8, 35], ['大队长', 3, 38]],
  brigade: [['执法队员', 50, 0], ['一级科员', 10, 0], ['副中队长', 10, 30], ['中队长', 10, 34], ['股长', 6, 35], ['副大队长', 6, 38], ['大队长', 3, 42], ['副局长', 3, 42]],
  bureau: [['科员', 35, 0], ['一级科员', 15, 0], ['四级主任科员', 12, 35], ['副股长', 10, 30], ['股长', 12, 35], ['副局长', 5, 42]],
  town: [['执法队员', 60, 0], ['综合行政执法大队副队长', 12, 32], ['综合行政执法大队队长', 6, 36], ['副镇长', 4, 38]],
  street: [['执法队员', 60, 0], ['综合行政执法大队副队长', 12, 32], ['综合行政执法大队队长', 6, 36], ['办事处副主任', 4, 38]],
};

// prettier-ignore
const SUPERVISOR_POSTS: Readonly<Record<'bureau' | 'other', PostPool>> = {
  bureau: [['科员', 35, 0], ['四级主任科员', 20, 35], ['行政执法协调监督股副股长', 15, 32], ['行政执法协调监督股股长', 8, 38], ['副局长', 4, 42]],
  other: [['法制股股长', 2, 30], ['法制股科员', 1, 0]],
};

export function choosePost(rng: Random, profile: PostProfile, age: number, supervisor: 'bureau' | 'other' | null): string {
  if (supervisor === 'other') {
    if (profile === 'police') return '法制大队大队长';
    if (profile === 'town' || profile === 'street') return '司法所所长';
  }
  const pool = supervisor ? SUPERVISOR_POSTS[supervisor] : POSTS[profile];
  const fitting = pool.filter(([, , minAge]) => age >= minAge).map(([post, weight]) => [post, weight] as const);
  return rng.weighted(fitting);
}

// prettier-ignore
const STAFFING: Readonly<Record<PostProfile, readonly (readonly [StaffingType, number])[]>> = {
  police: [['行政编制', 95], ['事业编制', 5]],
  fire: [['行政编制', 100]],
  // County enforcement brigades (综合行政执法大队) are mostly 参照公务员管理 or 事业编制.
  brigade: [['行政编制', 25], ['参照公务员管理', 45], ['事业编制', 30]],
  bureau: [['行政编制', 65], ['参照公务员管理', 20], ['事业编制', 15]],
  town: [['行政编制', 55], ['事业编制', 45]],
  street: [['行政编制', 55], ['事业编制', 45]],
};

export function chooseStaffing(rng: Random, profile: PostProfile): StaffingType {
  return rng.weighted(STAFFING[profile]);
}
