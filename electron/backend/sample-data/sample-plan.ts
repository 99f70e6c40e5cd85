import type { CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import type { PersonnelKind, Sex, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { AGENCY_PLANS } from './agency-plan.ts';
import { CardNumberer } from './card-numbers.ts';
import { planCertificates, REPORT_YEAR, type CertificatePlan, type PlannedCard } from './certificate-plan.ts';
import { maxDate, randomDay } from './date-picks.ts';
import { buildInspectionItems, type InspectionItemRow } from './inspection-items.ts';
import { INSPECTION_DOMAINS } from './inspection-vocabulary.ts';
import { buildPenaltyItems, type PenaltyItemRow } from './penalty-items.ts';
import { PENALTY_DOMAINS } from './penalty-vocabulary.ts';
import { ageOn, chooseStaffing, choosePost, IdentityFactory } from './people.ts';
import { buildPublications, type PublicationRow } from './publications.ts';
import { createRandom } from './random.ts';
import { planRoster, type RosterSlot } from './roster-plan.ts';
import { planTraining, type PlannedTraining } from './training-plan.ts';
import { SAMPLE_UNITS, unitByKey, type UnitKey } from './units-catalog.ts';

/**
 * Everything the sample registry will hold, computed in memory from (seed, today) before a single
 * row is written. Pure: the same inputs give the same plan, field for field.
 */

/** The day the bureau started keeping the registry; nothing was entered into it earlier. */
export const REGISTRY_START = '2023-02-20';

/**
 * Deterministic created_at / updated_at stamps: the row's business date at a working-hours time
 * (Beijing 08:30–17:30) that varies with a running counter, so rows do not all share one instant.
 */
class Stamper {
  private n = 0;

  at(date: string): string {
    this.n += 1;
    const minutes = 30 + ((this.n * 7919) % 540);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const ss = String((this.n * 31) % 60).padStart(2, '0');
    return `${maxDate(date, REGISTRY_START)}T${hh}:${mm}:${ss}.000Z`;
  }
}

export interface UnitPlanRow {
  key: UnitKey;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  keepsLists: boolean;
  sortOrder: number;
  staffingQuota: number;
  contactPerson: string | null;
  contactPhone: string;
  aliases: readonly string[];
  stamp: string;
}

export interface CardRow {
  certType: CertType;
  number: string | null;
  card: PlannedCard;
  createdAt: string;
  updatedAt: string;
  events: { type: string; date: string; reason: string | null; docRef: string | null; details: string | null; createdAt: string }[];
}

export interface PersonPlanRow {
  unitKey: UnitKey;
  personnelKind: PersonnelKind;
  name: string;
  initials: string;
  sex: Sex;
  idNumber: string;
  birthDate: string;
  post: string;
  staffingType: StaffingType;
  enforcementCategory: string;
  enforcementScope: string;
  isLegalReviewer: boolean;
  phone: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  cards: CardRow[];
  exams: { date: string; score: number; passed: boolean; createdAt: string }[];
  trainings: (PlannedTraining & { createdAt: string })[];
  transfer: { fromKey: UnitKey; date: string; docRef: string; createdAt: string } | null;
}

export interface AgencyContent {
  key: UnitKey;
  items: InspectionItemRow[];
  lists: PenaltyItemRow[];
  publications: PublicationRow[];
  /** Catalog and lists were entered on the day of the agency's latest publication (or registry start). */
  stamp: string;
  publicationStamps: string[];
}

export interface SamplePlan {
  units: UnitPlanRow[];
  people: PersonPlanRow[];
  agencies: AgencyContent[];
}

const CANCEL_NOTES: Readonly<Record<string, string>> = {
  调离执法岗位: '已调离执法岗位',
  退休: '已退休',
  辞职: '已辞职',
  辞退或开除: '已辞退',
};

function personNotes(slot: RosterSlot, certs: CertificatePlan): string | null {
  if (slot.auxiliary === 'hired') return '聘用辅助人员，协助执法，不得申领行政执法证件';
  if (slot.auxiliary === 'manual') return '工勤人员，不得申领行政执法证件';
  if (slot.transferFrom && certs.transferDate) return `${certs.transferDate}由${unitByKey(slot.transferFrom).name}调入`;
  if (slot.story === 'none') return '新录用人员，尚未申领行政执法证件';
  const cancelled = certs.cards.at(-1)?.cancelReason;
  return cancelled ? (CANCEL_NOTES[cancelled] ?? null) : null;
}

function eventDetails(card: PlannedCard, link: string | null, cards: readonly CardRow[], transfer: { from: string; to: string } | null): string | null {
  if (link === 'replaces' && card.replaces !== null) return JSON.stringify({ replacesNumber: cards[card.replaces]?.number ?? null });
  if (link === 'replaced_by' && card.replacedBy !== null) return JSON.stringify({ replacedByNumber: cards[card.replacedBy]?.number ?? null });
  if (link === 'transfer' && transfer) return JSON.stringify({ field: 'unit', from: transfer.from, to: transfer.to });
  return null;
}

export function buildSamplePlan(seed: number, today: string): SamplePlan {
  const root = createRandom(seed);
  const stamper = new Stamper();
  const slots = planRoster(root.fork('roster'));
  const identities = new IdentityFactory();
  const identityRng = root.fork('identities');
  const currentYear = Number(today.slice(0, 4));

  // 1. Certificate stories and identities, person by person. Each person's certificate dates come
  //    from their own stream, so a date window that moves with `today` touches only that person.
  const planned = slots.map((slot, i) => {
    const certs = planCertificates(root.fork(`certificates:${i}`), {
      story: slot.story,
      hasReportYearCard: slot.hasReportYearCard,
      cancelReason: slot.cancelReason,
      today,
    });
    const identity = identities.create(identityRng, { maleShare: slot.unit.maleShare, today, earliestDate: certs.earliestDate, retiredOn: certs.retiredOn });
    return { slot, certs, identity };
  });

  // 2. Card numbers, in issue order across the whole registry.
  const numberer = new CardNumberer(root.fork('card-numbers'));
  const numbers = new Map<PlannedCard, string>();
  const issued = planned.flatMap(({ slot, certs }, personIndex) => certs.cards.filter((c) => c.issueDate !== null).map((card) => ({ card, personIndex, certType: certTypeOf(slot) })));
  issued.sort((a, b) => ((a.card.issueDate ?? '') < (b.card.issueDate ?? '') ? -1 : (a.card.issueDate ?? '') > (b.card.issueDate ?? '') ? 1 : a.personIndex - b.personIndex));
  for (const { card, certType } of issued) numbers.set(card, numberer.assign(certType, card.issueDate ?? ''));

  // 3. Rows per person.
  const postRng = root.fork('posts');
  const joiningRng = root.fork('joining');
  const transferRng = root.fork('transfer-documents');
  const trainingRng = root.fork('training');
  const people: PersonPlanRow[] = planned.map(({ slot, certs, identity }) => {
    const unit = slot.unit;
    const age = ageOn(identity.birthDate, today);
    const supervisor = slot.personnelKind === '监督人员' ? (unit.key === 'sf' ? 'bureau' : 'other') : null;
    const staffingType: StaffingType = slot.auxiliary === 'hired' ? '聘用辅助人员' : slot.auxiliary === 'manual' ? '工勤' : chooseStaffing(postRng, unit.postProfile);
    const post = slot.auxiliary ? (slot.auxiliary === 'hired' ? '协管员' : '工勤人员') : choosePost(postRng, unit.postProfile, age, supervisor);
    const transfer = slot.transferFrom && certs.transferDate ? { from: unitByKey(slot.transferFrom).name, to: unit.name } : null;

    const eventDates = certs.cards.flatMap((c) => c.events.map((e) => e.date));
    const joined = slot.story === 'none' && !slot.auxiliary ? (randomDay(joiningRng, addDays(today, -90), addDays(today, -5)) ?? today) : null;
    const firstDate = joined ?? certs.earliestDate ?? REGISTRY_START;
    const lastDate = [firstDate, ...eventDates, ...(certs.transferDate ? [certs.transferDate] : [])].sort().at(-1) ?? firstDate;
    const createdAt = stamper.at(firstDate);
    const updatedAt = lastDate > firstDate ? maxDate(createdAt, stamper.at(lastDate)) : createdAt;

    const cards: CardRow[] = [];
    for (const card of certs.cards) {
      const dates = card.events.map((e) => e.date);
      const createdCard = stamper.at(dates[0] ?? firstDate);
      cards.push({
        certType: certTypeOf(slot),
        number: numbers.get(card) ?? null,
        card,
        createdAt: createdCard,
        updatedAt: dates.length > 1 ? maxDate(createdCard, stamper.at(dates.at(-1) ?? firstDate)) : createdCard,
        events: [],
      });
    }
    cards.forEach((row) => {
      row.events = row.card.events.map((e) => ({
        type: e.type,
        date: e.date,
        reason: e.reason,
        docRef: e.docRef,
        details: eventDetails(row.card, e.link, cards, transfer),
        createdAt: stamper.at(e.date),
      }));
    });

    const trainings: PersonPlanRow['trainings'] = [];
    for (const year of [currentYear - 1, currentYear]) {
      // About 5 % fall short in the previous year and 10 % in the current one (plus those who
      // joined late or left), the share the clerk follows up.
      const reachesTarget = !trainingRng.chance(year === currentYear ? 0.1 : 0.05);
      const records = planTraining(trainingRng, {
        year,
        today,
        unitName: unit.name,
        enforcementCategory: supervisor ? '行政执法监督' : unit.enforcementCategory,
        isLegalReviewer: slot.isLegalReviewer,
        reachesTarget,
        notBefore: joined ?? joinedAfterReportYear(certs.earliestDate, year),
        notAfter: certs.leaveDate,
      });
      for (const r of records) trainings.push({ ...r, createdAt: stamper.at(r.date) });
    }

    return {
      unitKey: unit.key,
      personnelKind: slot.personnelKind,
      name: identity.name,
      initials: identity.initials,
      sex: identity.sex,
      idNumber: identity.idNumber,
      birthDate: identity.birthDate,
      post,
      staffingType,
      enforcementCategory: supervisor ? '行政执法监督' : unit.enforcementCategory,
      enforcementScope: supervisor ? (unit.key === 'sf' ? '全市行政执法监督' : '本单位行政执法监督') : unit.enforcementScope,
      isLegalReviewer: slot.isLegalReviewer,
      phone: identity.phone,
      notes: personNotes(slot, certs),
      createdAt,
      updatedAt,
      cards,
      exams: certs.exams.map((e) => ({ ...e, createdAt: stamper.at(e.date) })),
      trainings,
      transfer:
        slot.transferFrom && certs.transferDate
          ? { fromKey: slot.transferFrom, date: certs.transferDate, docRef: `沅人社任〔${certs.transferDate.slice(0, 4)}〕${transferRng.int(2, 40)}号`, createdAt: stamper.at(certs.transferDate) }
          : null,
    };
  });

  // 4. Units, with a contact person from their own roster.
  const unitRng = root.fork('units');
  const units: UnitPlanRow[] = SAMPLE_UNITS.map((unit, i) => {
    const staff = people.filter((p) => p.unitKey === unit.key && p.staffingType !== '工勤' && p.staffingType !== '聘用辅助人员');
    const total = unit.enforcementStaff + unit.supervisors;
    return {
      key: unit.key,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      keepsLists: unit.keepsLists,
      sortOrder: (i + 1) * 10,
      staffingQuota: Math.ceil(total * (1.05 + unitRng.next() * 0.25)),
      contactPerson: staff.length > 0 ? unitRng.pick(staff).name : null,
      contactPhone: `0737-27${String(unitRng.int(10_000, 99_999))}`,
      aliases: unit.aliases,
      stamp: stamper.at(REGISTRY_START),
    };
  });

  // 5. Catalog, lists and publications of the 23 agencies.
  const agencies: AgencyContent[] = AGENCY_PLANS.map((plan) => {
    const unit = unitByKey(plan.key);
    const inspection = INSPECTION_DOMAINS[plan.key];
    const penalty = PENALTY_DOMAINS[plan.key];
    if (!inspection || !penalty) throw new Error(`No vocabulary for agency ${unit.name}`);
    const rng = root.fork(`agency:${plan.key}`);
    const publications = buildPublications(rng.fork('publications'), plan, unit.name);
    const latest = publications.at(-1)?.publishDate ?? '2023-06-30';
    return {
      key: plan.key,
      items: buildInspectionItems(rng.fork('items'), inspection, unit.name, plan.items, plan.keyItems),
      lists: buildPenaltyItems(rng.fork('lists'), plan.key, penalty, plan.lists),
      publications,
      stamp: stamper.at(latest),
      publicationStamps: publications.map((p) => stamper.at(p.publishDate)),
    };
  });

  return { units, people, agencies };
}

/**
 * A first application after the 2023 round marks a newcomer, with no training before it. (A first
 * record in 2023 or earlier is only where the registry's memory starts, not when the person began.)
 */
function joinedAfterReportYear(earliestDate: string | null, year: number): string | null {
  if (!earliestDate || earliestDate < `${REPORT_YEAR + 1}-01-01` || earliestDate <= `${year}-01-01`) return null;
  return earliestDate;
}

function certTypeOf(slot: RosterSlot): CertType {
  return slot.personnelKind === '监督人员' ? '行政执法监督证' : '行政执法证';
}
