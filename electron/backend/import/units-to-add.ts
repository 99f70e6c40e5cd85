import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { UnitToAdd } from '../../../shared/import/check-schema.ts';
import { AGENCY_SOURCE_LABELS } from '../../../shared/import/import-kinds.ts';
import { normaliseWord } from '../../../shared/import/text-normalise.ts';
import { fullUnitName, guessUnitKind, looksLikeUnitName, unitNameIn } from '../../../shared/import/unit-names.ts';
import type { SheetAnalysis } from './sheet-analysis.ts';
import { extendUnitIndex, unitNamedIn, type UnitIndex, type UnitInfo } from './unit-matcher.ts';

/**
 * A submission that names a unit the unit list lacks is not refused: the unit is proposed as a
 * unit to add — from the sheet's 填报单位 line, title, sheet name, file name or folder (the
 * strongest that names one, when none names a known unit), or from a 单位 column — under its full
 * name (公安局 → 沅江市公安局, the short name kept as an alias) with its kind guessed from the name.
 * While the file is checked, a unit to add stands in the unit index under a negative id, so the
 * rows that need it are checked like any other (and count as importable); the commit adds it
 * first, in the same operation, and checks the file again against the real unit.
 *
 * A catalog or lists from a unit in the list that is not marked as an agency (执法主体) — the unit
 * list is incomplete there too — proposes marking it; the commit marks it, in the same operation.
 *
 * The clerk's decisions (another kind, an agency, or "this is the existing unit X": the name then
 * becomes X's alias) are kept per file by the proposal's key.
 */

export interface UnitDecision {
  kind?: UnitKind;
  keepsLists?: boolean;
  /** The existing unit this name means; null takes the decision back. */
  existingUnitId?: number | null;
}

export interface UnitProposal extends UnitToAdd {
  /** The name as the file wrote it, when the full name differs (kept as an alias). */
  aliases: string[];
  /** The stand-in id while the file is checked (negative), or the existing unit's id. */
  unitId: number;
}

export interface ProposalContext {
  fileName: string;
  countyName: string;
  units: UnitIndex;
  decisions: ReadonlyMap<string, UnitDecision>;
}

export interface Proposals {
  proposals: UnitProposal[];
  /** The index the file is checked against: the registry's units, the units to add, and names resolved to known units. */
  units: UnitIndex;
}

const isCatalogOrList = (a: SheetAnalysis) => a.kind !== 'skipped' && a.kind !== 'personnel' && a.kind !== 'units';

export function proposeUnits(analyses: readonly SheetAnalysis[], ctx: ProposalContext): Proposals {
  const byKey = new Map<string, UnitProposal>();
  /** Short names whose full name is a known unit (市林业局 → 沅江市林业局): read as that unit, nothing to add. */
  const resolved: { text: string; unitId: number }[] = [];

  const propose = (written: string, source: string, keepsLists: boolean): void => {
    const full = fullUnitName(written, ctx.countyName);
    const known = unitNamedIn(ctx.units, full);
    if (known.kind === 'one') {
      resolved.push({ text: written, unitId: known.unitId });
      return;
    }
    if (known.kind === 'ambiguous') return;
    // A short name of exactly one known unit (公安局 of 沅江市公安局, with the county not set up).
    const endsLike = unitsNamedEndingWith(ctx.units, normaliseWord(written));
    if (endsLike.length === 1) {
      resolved.push({ text: written, unitId: endsLike[0] ?? 0 });
      return;
    }
    if (endsLike.length > 1) return;
    const key = normaliseWord(full);
    let p = byKey.get(key);
    if (!p) {
      const kind = guessUnitKind(full);
      p = { key, name: full, kind, kindGuessed: true, keepsLists: false, existingUnitId: null, marksAgency: false, sources: [], aliases: [], unitId: 0 };
      byKey.set(key, p);
    }
    if (written !== full && !p.aliases.includes(written)) p.aliases.push(written);
    if (!p.sources.includes(source)) p.sources.push(source);
    p.keepsLists ||= keepsLists;
  };

  const toMark = new Map<number, UnitProposal>();
  for (const a of analyses) {
    if (a.kind === 'skipped' || a.kind === 'units') continue;
    const agency = a.agency ? ctx.units.units.get(a.agency.unitId) : undefined;
    if (agency && !agency.toAdd && !agency.keepsLists && isCatalogOrList(a)) {
      const p = toMark.get(agency.id) ?? {
        key: `agency:${agency.id}`,
        name: agency.name,
        kind: agency.kind,
        kindGuessed: false,
        keepsLists: true,
        existingUnitId: agency.id,
        marksAgency: true,
        sources: [],
        aliases: [],
        unitId: agency.id,
      };
      p.sources.push(`工作表“${a.name}”（${a.kind === 'inspection_items' ? '检查事项目录' : '清单'}）`);
      toMark.set(agency.id, p);
    }
    for (const value of a.unitColumnValues) {
      if (unitNamedIn(ctx.units, value).kind === 'none' && looksLikeUnitName(value)) propose(normaliseWord(value), `工作表“${a.name}”的“单位”列`, isCatalogOrList(a));
    }
    // The sheet's agency, when nothing names a known unit and the rows do not each name their own.
    if (a.agency !== null || a.agencyAmbiguous || (a.kind === 'personnel' && a.unitColumnFilled)) continue;
    found: for (const candidate of a.agencyTexts) {
      for (const text of candidate.texts) {
        const name = unitNameIn(text);
        if (name !== null && looksLikeUnitName(name)) {
          propose(name, `工作表“${a.name}”的${AGENCY_SOURCE_LABELS[candidate.source]}“${text}”`, isCatalogOrList(a));
          break found;
        }
      }
    }
  }

  // One unit written two ways (沅江市公安局 in a title, 公安局 in another sheet's file name): one proposal.
  for (const short of [...byKey.values()]) {
    const long = [...byKey.values()].find((p) => p !== short && p.key.length > short.key.length && p.key.endsWith(short.key));
    if (!long) continue;
    for (const alias of [short.name, ...short.aliases]) if (alias !== long.name && !long.aliases.includes(alias)) long.aliases.push(alias);
    for (const source of short.sources) if (!long.sources.includes(source)) long.sources.push(source);
    long.keepsLists ||= short.keepsLists;
    byKey.delete(short.key);
  }

  const proposals: UnitProposal[] = [];
  const added: UnitInfo[] = [];
  const terms: { text: string; unitId: number }[] = [...resolved];
  let next = -1;
  for (const p of byKey.values()) {
    const decision = ctx.decisions.get(p.key) ?? {};
    if (decision.kind !== undefined) {
      p.kind = decision.kind;
      p.kindGuessed = false;
    }
    if (decision.keepsLists !== undefined) p.keepsLists = decision.keepsLists || p.keepsLists;
    const existing = decision.existingUnitId ?? null;
    const known = existing !== null && existing > 0 ? ctx.units.units.get(existing) : undefined;
    if (known) {
      p.existingUnitId = known.id;
      p.unitId = known.id;
      p.kind = known.kind;
      p.marksAgency = p.keepsLists && !known.keepsLists;
      if (p.marksAgency) added.push({ ...known, keepsLists: true, toMark: true });
    } else {
      p.unitId = next;
      next -= 1;
      added.push({ id: p.unitId, name: p.name, kind: p.kind, keepsLists: p.keepsLists, toAdd: true });
    }
    for (const text of [p.name, ...p.aliases]) terms.push({ text, unitId: p.unitId });
    proposals.push(p);
  }
  for (const p of toMark.values()) {
    const known = ctx.units.units.get(p.unitId);
    if (known) added.push({ ...known, keepsLists: true, toMark: true });
    proposals.push(p);
  }
  if (proposals.length === 0 && resolved.length === 0) return { proposals, units: ctx.units };
  return { proposals, units: extendUnitIndex(ctx.units, added, terms) };
}

/** Units in the registry whose name ends with `name` (at least three characters): 公安局 → 沅江市公安局. */
function unitsNamedEndingWith(units: UnitIndex, name: string): number[] {
  if ([...name].length < 3) return [];
  return [...units.units.values()].filter((u) => !u.toAdd && normaliseWord(u.name).endsWith(name)).map((u) => u.id);
}

/** The units a sheet needs that are to be added (for its summary and the command line's JSON). */
export function unitsToAddOfSheet(proposals: readonly UnitProposal[], unitIds: ReadonlySet<number>): { name: string; kind: UnitKind }[] {
  return proposals.filter((p) => p.existingUnitId === null && unitIds.has(p.unitId)).map((p) => ({ name: p.name, kind: p.kind }));
}

/** Whether importing with the proposal needs the clerk's consent (addUnits): a unit to add, or an agency to mark. */
export function needsConsent(p: UnitProposal): boolean {
  return p.existingUnitId === null || p.marksAgency;
}
