import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import type { UnitKey } from './units-catalog.ts';

/**
 * How many catalog items and list items each of the 23 agencies holds, and which published its
 * catalog and lists. Totals are the report's: 1,771 items (1,538 一般 + 233 重点); lists
 * 220 / 89 / 96 / 23; 14 agencies published. Bigger agencies (市场监管, 农业农村, 卫健, 交通) hold
 * more; the 23 不予强制 items sit in six agencies; several small agencies keep only a 不予处罚 list.
 */

export interface AgencyPlan {
  key: UnitKey;
  items: number;
  keyItems: number;
  lists: Readonly<Record<ListKind, number>>;
  /** 文号 prefix of the agency's current publication (沅农发 …); null when it has not published. */
  docPrefix: string | null;
  /** An earlier publication: superseded (when the agency also has a current one) or simply expired. */
  earlier: { docPrefix: string; publishDate: string; validTo: string } | null;
}

function lists(noPenalty: number, lighter: number, reduced: number, noCoercion: number): Record<ListKind, number> {
  return { no_penalty: noPenalty, lighter_penalty: lighter, reduced_penalty: reduced, no_coercion: noCoercion };
}

export const AGENCY_PLANS: readonly AgencyPlan[] = [
  { key: 'sc', items: 240, keyItems: 30, lists: lists(26, 12, 14, 6), docPrefix: null, earlier: { docPrefix: '沅市监发', publishDate: '2020-09-15', validTo: '2023-09-14' } },
  { key: 'ny', items: 150, keyItems: 20, lists: lists(18, 8, 9, 3), docPrefix: '沅农发', earlier: { docPrefix: '沅农发', publishDate: '2021-04-12', validTo: '2024-04-11' } },
  { key: 'wj', items: 120, keyItems: 15, lists: lists(12, 6, 7, 0), docPrefix: '沅卫健发', earlier: null },
  { key: 'jt', items: 115, keyItems: 15, lists: lists(12, 6, 7, 3), docPrefix: null, earlier: { docPrefix: '沅交发', publishDate: '2021-06-10', validTo: '2023-12-31' } },
  { key: 'hb', items: 110, keyItems: 16, lists: lists(14, 6, 8, 5), docPrefix: null, earlier: null },
  { key: 'zj', items: 105, keyItems: 14, lists: lists(12, 5, 6, 0), docPrefix: null, earlier: null },
  { key: 'ga', items: 100, keyItems: 14, lists: lists(10, 5, 5, 0), docPrefix: '沅公发', earlier: null },
  { key: 'yj', items: 95, keyItems: 18, lists: lists(12, 6, 6, 4), docPrefix: '沅应急发', earlier: null },
  { key: 'zr', items: 85, keyItems: 10, lists: lists(9, 4, 5, 0), docPrefix: null, earlier: null },
  { key: 'cg', items: 80, keyItems: 10, lists: lists(12, 6, 6, 2), docPrefix: '沅城管发', earlier: null },
  { key: 'wl', items: 75, keyItems: 9, lists: lists(10, 4, 4, 0), docPrefix: '沅文旅广体发', earlier: null },
  { key: 'sl', items: 70, keyItems: 9, lists: lists(8, 4, 4, 0), docPrefix: '沅水发', earlier: null },
  { key: 'ly', items: 60, keyItems: 8, lists: lists(8, 3, 4, 0), docPrefix: '沅林发', earlier: null },
  { key: 'rs', items: 55, keyItems: 6, lists: lists(8, 3, 3, 0), docPrefix: null, earlier: null },
  { key: 'xf', items: 45, keyItems: 10, lists: lists(8, 4, 4, 0), docPrefix: '沅消发', earlier: null },
  { key: 'jy', items: 42, keyItems: 5, lists: lists(6, 0, 0, 0), docPrefix: null, earlier: null },
  { key: 'tax', items: 40, keyItems: 4, lists: lists(8, 4, 4, 0), docPrefix: '沅税发', earlier: null },
  { key: 'swj', items: 38, keyItems: 4, lists: lists(5, 0, 0, 0), docPrefix: null, earlier: null },
  { key: 'mz', items: 36, keyItems: 5, lists: lists(5, 0, 0, 0), docPrefix: null, earlier: null },
  { key: 'sf', items: 32, keyItems: 3, lists: lists(6, 3, 0, 0), docPrefix: '沅司发', earlier: null },
  { key: 'yb', items: 30, keyItems: 4, lists: lists(4, 0, 0, 0), docPrefix: '沅医保发', earlier: null },
  { key: 'cz', items: 28, keyItems: 2, lists: lists(4, 0, 0, 0), docPrefix: '沅财发', earlier: null },
  { key: 'qx', items: 20, keyItems: 2, lists: lists(3, 0, 0, 0), docPrefix: '沅气发', earlier: null },
];

export const EXPECTED_AGENCY_TOTALS = {
  items: 1771,
  keyItems: 233,
  lists: { no_penalty: 220, lighter_penalty: 89, reduced_penalty: 96, no_coercion: 23 } as Readonly<Record<ListKind, number>>,
  published: 14,
} as const;

/**
 * The publication season: the 14 agencies published in the second half of 2023, after the
 * bureau's guidance (the report, 五（二）). Every date lies before 2024, so "nothing after today"
 * holds for any generation date the generator accepts.
 */
export const PUBLICATION_WINDOW = { from: '2023-04-10', to: '2023-12-20' } as const;
