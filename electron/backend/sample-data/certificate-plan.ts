import { deriveCertStatus, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import type { CancelReason, CertEventType, CertState } from '../../../shared/domain/certificate-vocabulary.ts';
import { addDays, addYears, validityEnd } from '../../../shared/domain/dates.ts';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings.ts';
import { maxDate, minDate, randomDay, randomDayOutsideYear, yearOf } from './date-picks.ts';
import type { Random } from './random.ts';

/**
 * The certificate history of one person, planned in memory before anything is written. Each
 * person gets a "story" (valid card, card about to expire, cancelled card, pending exam …) and the
 * story decides the rows: cards, their events in date order, and the exams behind them.
 *
 * Dates are absolute where the story allows it (batch issue days, the 2023 round) and relative to
 * `today` only where the status depends on it (即将到期, 已过期), so the mix the clerk sees is
 * realistic whatever day the sample data is generated.
 */

const VALIDITY_YEARS = DEFAULT_SETTINGS.certValidityYears;
const WARNING_DAYS = DEFAULT_SETTINGS.expiryWarningDays;

/** The report's year: exactly 428 cards were issued in it, and no other story may issue one then. */
export const REPORT_YEAR = 2023;
/** Hunan issues the national card from this day; earlier cards were provincial (see card-numbers.ts). */
export const NATIONAL_CARD_FROM = '2022-11-01';
/** Nothing in the registry predates this: cards issued 2019 onwards are the oldest still relevant. */
const HISTORY_START = '2019-01-01';

/** The 2023 round (清理、换证、考证), issued in six batches. */
const REPORT_YEAR_BATCHES: readonly (readonly [string, number])[] = [
  ['2023-03-16', 60],
  ['2023-05-25', 90],
  ['2023-07-20', 70],
  ['2023-09-14', 80],
  ['2023-11-16', 70],
  ['2023-12-21', 58],
];

/** Quarterly issue days of every other year; the day shifts a little from year to year. */
function batchDays(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y += 1) {
    if (y === REPORT_YEAR) continue;
    const shift = y % 4;
    for (const [month, day] of [
      [3, 14],
      [6, 13],
      [9, 12],
      [12, 5],
    ] as const) {
      out.push(`${y}-${String(month).padStart(2, '0')}-${String(day + shift).padStart(2, '0')}`);
    }
  }
  return out;
}

export type CertStory = 'none' | 'pending' | 'passed' | 'valid' | 'soon' | 'lapsed' | 'cancelled' | 'suspended' | 'revoked' | 'transfer_keep' | 'transfer_pending' | 'transfer_reissued';

/** Which other card an event's details name, resolved once card numbers are assigned. */
export type EventLink = 'replaces' | 'replaced_by' | 'transfer' | null;

export interface PlannedEvent {
  type: CertEventType;
  date: string;
  reason: string | null;
  docRef: string | null;
  link: EventLink;
}

export interface PlannedCard {
  state: CertState;
  issueDate: string | null;
  expiryDate: string | null;
  cancelReason: CancelReason | null;
  cancelDate: string | null;
  announceDate: string | null;
  /** Index (in this person's card list) of the card this one renewed. */
  replaces: number | null;
  /** Index of the card that replaced this one. */
  replacedBy: number | null;
  events: PlannedEvent[];
}

export interface PlannedExam {
  date: string;
  score: number;
  passed: boolean;
}

export interface CertificatePlan {
  story: CertStory;
  cards: PlannedCard[];
  exams: PlannedExam[];
  /** Set for transfer stories: the day the person moved to their current unit. */
  transferDate: string | null;
  /** Retired, resigned or dismissed: no training records after this day. */
  leaveDate: string | null;
  /** Set when the card was cancelled for 退休: the person must be a woman who turned 55 by then. */
  retiredOn: string | null;
  /** The person's first dealings with the registry (application or transfer): bounds the birth date. */
  earliestDate: string | null;
}

export interface PlanInput {
  story: CertStory;
  /** True for the 428 people whose card history includes a card issued in 2023. */
  hasReportYearCard: boolean;
  cancelReason: CancelReason | null;
  today: string;
}

const SUSPEND_REASONS = ['违规出借行政执法证件', '超越职权实施行政执法行为', '执法时未按规定出示行政执法证件，造成不良影响'] as const;
const REVOKE_REASON = '涂改、出借行政执法证件，情节严重';

function statusOn(expiryDate: string, today: string): CertStatus {
  return deriveCertStatus({ state: '有效', expiryDate }, { today, warningDays: WARNING_DAYS });
}

function expiryOf(issueDate: string): string {
  return validityEnd(issueDate, VALIDITY_YEARS);
}

function docNumber(rng: Random, prefix: string, date: string): string {
  return `${prefix}〔${yearOf(date)}〕${rng.int(1, 60)}号`;
}

/** A passed score, skewed upward the way real exam results are (most pass comfortably). */
function passScore(rng: Random): number {
  return Math.min(100, 60 + Math.round(38 * Math.sqrt(rng.next())));
}

class PlanBuilder {
  readonly cards: PlannedCard[] = [];
  readonly exams: PlannedExam[] = [];
  leaveDate: string | null = null;
  retiredOn: string | null = null;
  transferDate: string | null = null;

  private readonly rng: Random;
  private readonly today: string;

  constructor(rng: Random, today: string) {
    this.rng = rng;
    this.today = today;
  }

  /**
   * An issued card with the application, exam and issue that explain it. `notBefore` keeps the
   * application after a transfer (and then skips the occasional failed first attempt).
   */
  issued(issueDate: string, renewal: { of: number; reason: string } | null, notBefore: string | null = null): number {
    const rng = this.rng;
    const examDate = addDays(issueDate, -rng.int(15, 45));
    const failedDate = notBefore === null && rng.chance(0.08) ? addDays(examDate, -rng.int(30, 75)) : null;
    const applyDate = addDays(failedDate ?? examDate, -rng.int(10, 35));
    if (failedDate) this.exams.push({ date: failedDate, score: rng.int(35, 59), passed: false });
    this.exams.push({ date: examDate, score: passScore(rng), passed: true });
    const events: PlannedEvent[] = [
      { type: '申领', date: applyDate, reason: renewal ? '有效期届满前申请换证' : '首次申领', docRef: null, link: null },
      { type: '考试合格', date: examDate, reason: '通用法律知识考试合格', docRef: null, link: null },
      renewal ? { type: '换证', date: issueDate, reason: renewal.reason, docRef: null, link: 'replaces' } : { type: '发证', date: issueDate, reason: null, docRef: null, link: null },
    ];
    const index = this.cards.length;
    this.cards.push({
      state: '有效',
      issueDate,
      expiryDate: expiryOf(issueDate),
      cancelReason: null,
      cancelDate: null,
      announceDate: null,
      replaces: renewal ? renewal.of : null,
      replacedBy: null,
      events,
    });
    if (renewal) {
      const old = this.card(renewal.of);
      old.state = '已换发';
      old.replacedBy = index;
      old.events.push({ type: '换证', date: issueDate, reason: '已换发新证', docRef: null, link: 'replaced_by' });
    }
    return index;
  }

  card(index: number): PlannedCard {
    const card = this.cards[index];
    if (!card) throw new Error(`no planned card ${index}`);
    return card;
  }

  cancel(index: number, reason: CancelReason, date: string): void {
    const card = this.card(index);
    const announce = addDays(date, this.rng.int(5, 20));
    card.state = '已注销';
    card.cancelReason = reason;
    card.cancelDate = date;
    card.announceDate = announce <= this.today ? announce : null;
    card.events.push({ type: '注销', date, reason, docRef: card.announceDate ? docNumber(this.rng, '沅司公告', card.announceDate) : null, link: null });
    if (reason === '退休' || reason === '辞职' || reason === '辞退或开除') this.leaveDate = date;
    if (reason === '退休') this.retiredOn = date;
  }

  suspend(index: number, date: string, reason: string = this.rng.pick(SUSPEND_REASONS)): void {
    const card = this.card(index);
    card.state = '暂扣';
    card.events.push({ type: '暂扣', date, reason, docRef: docNumber(this.rng, '沅司决', date), link: null });
  }

  revoke(index: number, date: string): void {
    const card = this.card(index);
    card.state = '吊销';
    card.events.push({ type: '吊销', date, reason: REVOKE_REASON, docRef: docNumber(this.rng, '沅司决', date), link: null });
  }

  /** A card applied for but not yet issued: 待考试, or 考试合格 once the exam is passed. */
  unissued(applyDate: string, passedOn: string | null): void {
    const events: PlannedEvent[] = [{ type: '申领', date: applyDate, reason: '首次申领', docRef: null, link: null }];
    if (passedOn) {
      events.push({ type: '考试合格', date: passedOn, reason: '通用法律知识考试合格', docRef: null, link: null });
      this.exams.push({ date: passedOn, score: passScore(this.rng), passed: true });
    }
    this.cards.push({
      state: passedOn ? '考试合格' : '待考试',
      issueDate: null,
      expiryDate: null,
      cancelReason: null,
      cancelDate: null,
      announceDate: null,
      replaces: null,
      replacedBy: null,
      events,
    });
  }
}

/** A 2023 batch day on or before `latest` (the earliest batch when none is that early). */
function reportYearIssueDate(rng: Random, latest: string): string {
  const eligible = REPORT_YEAR_BATCHES.filter(([d]) => d <= latest);
  return eligible.length > 0 ? rng.weighted(eligible) : (REPORT_YEAR_BATCHES[0]?.[0] ?? '2023-03-16');
}

/**
 * An issue day outside 2023, on or before `latest`, preferably a batch day whose card is still
 * comfortably valid on `outlast` (so a "valid" card is neither expired nor about to expire).
 */
function regularIssueDate(rng: Random, today: string, latest: string, outlast: string | null): string {
  const all = batchDays(yearOf(HISTORY_START), yearOf(today)).filter((d) => d >= HISTORY_START && d <= latest);
  const lasting = outlast ? all.filter((d) => expiryOf(d) > outlast) : all;
  if (lasting.length > 0) return rng.pick(lasting);
  if (all.length > 0) return rng.pick(all);
  const day = randomDayOutsideYear(rng, HISTORY_START, latest, REPORT_YEAR);
  if (!day) throw new Error(`no issue date possible before ${latest}`);
  return day;
}

/** A first card, either in the 2023 round or on a regular day outside 2023. */
function firstIssueDate(rng: Random, input: PlanInput, latest: string, outlast: string | null): string {
  return input.hasReportYearCard ? reportYearIssueDate(rng, latest) : regularIssueDate(rng, input.today, latest, outlast);
}

/** A day whose 5-year card has the wanted status today; null when no day outside 2023 gives it. */
function issueDateWithStatus(rng: Random, today: string, wanted: CertStatus, from: string, to: string): string | null {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const day = randomDayOutsideYear(rng, maxDate(from, HISTORY_START), minDate(to, today), REPORT_YEAR);
    if (day === null) return null;
    if (statusOn(expiryOf(day), today) === wanted) return day;
  }
  return null;
}

/**
 * A card whose renewal window (the last months before expiry) has begun by `today` was renewed on
 * a day in that window. Keeps a registry generated years later free of a wall of expired 2023
 * cards; the renewal is never in 2023, so the 428 stay exact.
 */
function renewIfDue(b: PlanBuilder, rng: Random, index: number, today: string): void {
  const expiry = b.card(index).expiryDate;
  if (!expiry) return;
  const renewal = addDays(expiry, -rng.int(20, 170));
  if (renewal <= today && yearOf(renewal) !== REPORT_YEAR) b.issued(renewal, { of: index, reason: '有效期届满换证' });
}

function planValid(b: PlanBuilder, rng: Random, input: PlanInput): void {
  const { today } = input;
  if (input.hasReportYearCard) {
    const issue = reportYearIssueDate(rng, today);
    // About a third held a provincial card from before the national card and swapped it in 2023
    // (the old card ends by mid-2022 so the swap's application cannot precede it).
    const oldIssue = rng.chance(0.35) ? randomDay(rng, HISTORY_START, '2022-06-30') : null;
    const current = oldIssue ? b.issued(issue, { of: b.issued(oldIssue, null), reason: '换发全国统一样式行政执法证件' }) : b.issued(issue, null);
    renewIfDue(b, rng, current, today);
    return;
  }
  const issue = regularIssueDate(rng, today, today, addDays(today, WARNING_DAYS));
  // Most cards issued since 2024 renewed one that was about to expire (issued five years earlier).
  if (issue >= `${REPORT_YEAR + 1}-01-01` && rng.chance(0.7)) {
    const oldIssue = addDays(addYears(issue, -VALIDITY_YEARS), rng.int(20, 170));
    if (oldIssue >= HISTORY_START && yearOf(oldIssue) !== REPORT_YEAR) {
      b.issued(issue, { of: b.issued(oldIssue, null), reason: '有效期届满换证' });
      return;
    }
  }
  b.issued(issue, null);
}

/**
 * The day of a transfer: from spring 2024 on, at least `latestBeforeToday` days ago (so what
 * follows it fits before today). Only when `today` is too early for that does it fall in 2023.
 */
function transferDay(rng: Random, today: string, latestBeforeToday: number): string {
  const to = addDays(today, -latestBeforeToday);
  return randomDay(rng, `${REPORT_YEAR + 1}-03-01`, to) ?? randomDay(rng, addDays(to, -120), to) ?? to;
}

export function planCertificates(rng: Random, input: PlanInput): CertificatePlan {
  const { today } = input;
  const b = new PlanBuilder(rng, today);
  let story = input.story;
  const fiveYearsAgo = addYears(today, -VALIDITY_YEARS);

  switch (story) {
    case 'none':
      break;
    case 'pending': {
      const apply = randomDay(rng, addDays(today, -150), addDays(today, -5)) ?? today;
      b.unissued(apply, null);
      const firstTry = addDays(apply, rng.int(20, 60));
      if (rng.chance(0.3) && firstTry <= today) b.exams.push({ date: firstTry, score: rng.int(38, 59), passed: false });
      break;
    }
    case 'passed': {
      const apply = randomDay(rng, addDays(today, -120), addDays(today, -45)) ?? today;
      b.unissued(apply, minDate(addDays(apply, rng.int(15, 35)), addDays(today, -5)));
      break;
    }
    case 'valid':
      planValid(b, rng, input);
      break;
    case 'soon': {
      const issue = issueDateWithStatus(rng, today, '即将到期', addDays(fiveYearsAgo, -3), addDays(fiveYearsAgo, WARNING_DAYS + 3));
      if (issue) b.issued(issue, null);
      else {
        story = 'valid';
        planValid(b, rng, input);
      }
      break;
    }
    case 'lapsed': {
      const issue = issueDateWithStatus(rng, today, '已过期', addDays(fiveYearsAgo, -420), addDays(fiveYearsAgo, -1));
      if (issue) b.issued(issue, null);
      else {
        story = 'valid';
        planValid(b, rng, input);
      }
      break;
    }
    case 'cancelled': {
      const issue = firstIssueDate(rng, input, addDays(today, -90), addDays(today, WARNING_DAYS));
      const card = b.issued(issue, null);
      const date = randomDay(rng, maxDate(addDays(issue, 60), `${REPORT_YEAR}-03-01`), addDays(today, -7)) ?? addDays(today, -7);
      b.cancel(card, input.cancelReason ?? '调离执法岗位', date);
      break;
    }
    case 'suspended': {
      const issue = firstIssueDate(rng, input, addDays(today, -120), addDays(today, WARNING_DAYS));
      const card = b.issued(issue, null);
      b.suspend(card, randomDay(rng, maxDate(addDays(issue, 90), addDays(today, -300)), addDays(today, -10)) ?? addDays(today, -10));
      break;
    }
    case 'revoked': {
      const issue = firstIssueDate(rng, input, addDays(today, -150), addDays(today, WARNING_DAYS));
      const card = b.issued(issue, null);
      const suspended = randomDay(rng, maxDate(addDays(issue, 90), addDays(today, -400)), addDays(today, -60)) ?? addDays(today, -60);
      // Suspended while the misuse was investigated, then revoked.
      b.suspend(card, suspended, '涉嫌涂改、出借行政执法证件，暂扣证件接受调查');
      b.revoke(card, addDays(suspended, rng.int(20, 45)));
      break;
    }
    case 'transfer_keep': {
      const moved = transferDay(rng, today, 30);
      b.transferDate = moved;
      const card = b.issued(firstIssueDate(rng, input, addDays(moved, -60), addDays(today, WARNING_DAYS)), null);
      b.card(card).events.push({ type: '信息更正', date: minDate(addDays(moved, rng.int(3, 15)), today), reason: '调动后变更执法单位', docRef: null, link: 'transfer' });
      break;
    }
    case 'transfer_pending': {
      const moved = transferDay(rng, today, 30);
      b.transferDate = moved;
      const old = b.issued(firstIssueDate(rng, input, addDays(moved, -60), addDays(moved, 30)), null);
      b.cancel(old, '调离执法岗位', moved);
      b.unissued(randomDay(rng, addDays(moved, 10), minDate(addDays(moved, 60), today)) ?? today, null);
      break;
    }
    case 'transfer_reissued': {
      const moved = transferDay(rng, today, 150);
      b.transferDate = moved;
      const old = b.issued(firstIssueDate(rng, input, addDays(moved, -60), addDays(moved, 30)), null);
      b.cancel(old, '调离执法岗位', moved);
      const reissue = randomDayOutsideYear(rng, addDays(moved, 90), minDate(addDays(moved, 150), today), REPORT_YEAR);
      if (reissue) b.issued(reissue, null, moved);
      else b.unissued(randomDay(rng, addDays(moved, 10), minDate(addDays(moved, 60), today)) ?? today, null);
      break;
    }
  }

  const applyDates = b.cards.map((c) => c.events[0]?.date).filter((d): d is string => d !== undefined);
  const candidates = [...applyDates, ...(b.transferDate ? [b.transferDate] : [])].sort();
  return {
    story,
    cards: b.cards,
    exams: b.exams.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
    transferDate: b.transferDate,
    leaveDate: b.leaveDate,
    retiredOn: b.retiredOn,
    earliestDate: candidates[0] ?? null,
  };
}
