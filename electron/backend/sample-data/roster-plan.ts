import type { CancelReason } from '../../../shared/domain/certificate-vocabulary.ts';
import type { PersonnelKind } from '../../../shared/domain/personnel-fields.ts';
import type { CertStory } from './certificate-plan.ts';
import type { Random } from './random.ts';
import { SAMPLE_UNITS, type SampleUnit, type UnitKey } from './units-catalog.ts';

/**
 * Who works where and what their certificate story is: one slot per person, in insertion order
 * (unit by unit, enforcement staff then supervision staff), with the report's exact counts.
 */

export interface RosterSlot {
  unit: SampleUnit;
  personnelKind: PersonnelKind;
  /** 聘用辅助人员 / 工勤: may not hold a certificate. */
  auxiliary: 'hired' | 'manual' | null;
  story: CertStory;
  /** One of the 428 whose history includes a card issued in 2023. */
  hasReportYearCard: boolean;
  cancelReason: CancelReason | null;
  isLegalReviewer: boolean;
  transferFrom: UnitKey | null;
}

/** Issued cards in 2023 (report, 五（一）: 共发证428人). */
export const REPORT_YEAR_CARDS = 428;

/**
 * Certificate stories of the in-post enforcement staff. The rest hold a plain valid card.
 * 即将到期 and 已过期 are shares "as of today"; 15 cancelled, 2 suspended, 1 revoked; 20 awaiting
 * the exam overall (17 here, 2 transfers who must re-qualify, 1 supervisor); 8 transfers.
 */
const ENFORCEMENT_STORIES: readonly (readonly [CertStory, number])[] = [
  ['none', 3],
  ['pending', 17],
  ['passed', 4],
  ['cancelled', 15],
  ['suspended', 2],
  ['revoked', 1],
  ['soon', 54],
  ['lapsed', 13],
  ['transfer_keep', 4],
  ['transfer_pending', 2],
  ['transfer_reissued', 2],
];
const SUPERVISOR_STORIES: readonly (readonly [CertStory, number])[] = [
  ['pending', 1],
  ['soon', 1],
  ['lapsed', 1],
];
/** Why the 15 cancelled cards were cancelled. */
const CANCEL_REASONS: readonly CancelReason[] = [...Array<CancelReason>(8).fill('调离执法岗位'), ...Array<CancelReason>(4).fill('退休'), ...Array<CancelReason>(2).fill('辞职'), '辞退或开除'];

/** Stories whose history may include the 2023 card (not those whose dates are set by `today`). */
const REPORT_YEAR_ELIGIBLE: ReadonlySet<CertStory> = new Set(['valid', 'cancelled', 'suspended', 'revoked', 'transfer_keep', 'transfer_pending', 'transfer_reissued']);
/** Good candidates for 法制审核人员: in post with a card in force. */
const REVIEWER_STORIES: ReadonlySet<CertStory> = new Set(['valid', 'soon', 'transfer_keep']);

function assignStories(rng: Random, slots: RosterSlot[], plan: readonly (readonly [CertStory, number])[]): void {
  let i = 0;
  const shuffled = rng.shuffle(slots);
  for (const [story, count] of plan) {
    for (let n = 0; n < count; n += 1) {
      const slot = shuffled[i];
      if (!slot) throw new Error('more certificate stories than people');
      slot.story = story;
      i += 1;
    }
  }
}

export function planRoster(rng: Random): RosterSlot[] {
  const slots: RosterSlot[] = [];
  for (const unit of SAMPLE_UNITS) {
    // Auxiliaries come last in their unit's roster, as units list them.
    const firstAuxiliary = unit.enforcementStaff - unit.hiredAuxiliaries - unit.manualWorkers;
    for (let n = 0; n < unit.enforcementStaff; n += 1) {
      const auxiliary = n < firstAuxiliary ? null : n < firstAuxiliary + unit.hiredAuxiliaries ? 'hired' : 'manual';
      slots.push({ unit, personnelKind: '执法人员', auxiliary, story: auxiliary ? 'none' : 'valid', hasReportYearCard: false, cancelReason: null, isLegalReviewer: false, transferFrom: null });
    }
    for (let n = 0; n < unit.supervisors; n += 1) {
      slots.push({ unit, personnelKind: '监督人员', auxiliary: null, story: 'valid', hasReportYearCard: false, cancelReason: null, isLegalReviewer: false, transferFrom: null });
    }
  }
  const inPost = slots.filter((s) => s.personnelKind === '执法人员' && s.auxiliary === null);
  assignStories(rng, inPost, ENFORCEMENT_STORIES);
  assignStories(
    rng,
    slots.filter((s) => s.personnelKind === '监督人员'),
    SUPERVISOR_STORIES,
  );

  rng.shuffle(slots.filter((s) => s.story === 'cancelled')).forEach((slot, i) => {
    slot.cancelReason = CANCEL_REASONS[i] ?? '调离执法岗位';
  });
  for (const slot of rng.sample(
    slots.filter((s) => REPORT_YEAR_ELIGIBLE.has(s.story)),
    REPORT_YEAR_CARDS,
  ))
    slot.hasReportYearCard = true;

  for (const unit of SAMPLE_UNITS) {
    const mine = slots.filter((s) => s.unit === unit && s.personnelKind === '执法人员' && s.auxiliary === null);
    const preferred = rng.shuffle(mine.filter((s) => REVIEWER_STORIES.has(s.story)));
    const fallback = rng.shuffle(mine.filter((s) => !REVIEWER_STORIES.has(s.story) && s.story !== 'cancelled'));
    const chosen = [...preferred, ...fallback].slice(0, unit.legalReviewers);
    if (chosen.length < unit.legalReviewers) throw new Error(`${unit.name}: not enough staff for ${unit.legalReviewers} legal reviewers`);
    for (const slot of chosen) slot.isLegalReviewer = true;
  }

  for (const slot of slots) {
    if (!slot.story.startsWith('transfer_')) continue;
    const sameKind = SAMPLE_UNITS.filter((u) => u !== slot.unit && u.kind === slot.unit.kind);
    const otherKind = SAMPLE_UNITS.filter((u) => u.kind !== slot.unit.kind);
    const from = rng.chance(slot.unit.kind === '市直单位' ? 0.7 : 0.6) ? rng.pick(sameKind) : rng.pick(otherKind);
    slot.transferFrom = from.key;
  }
  return slots;
}
