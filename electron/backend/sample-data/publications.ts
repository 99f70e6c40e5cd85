import { validityEnd } from '../../../shared/domain/dates.ts';
import type { AgencyPlan } from './agency-plan.ts';
import { PUBLICATION_WINDOW } from './agency-plan.ts';
import { randomDay } from './date-picks.ts';
import type { Random } from './random.ts';

/**
 * The normative documents by which agencies published their catalog and four lists: a current
 * one (2023, valid five years) for the 14 agencies the report names, and for a few agencies an
 * earlier document, either superseded by the 2023 one or expired with nothing after it.
 */

export interface PublicationRow {
  docNumber: string;
  title: string;
  publishDate: string;
  validFrom: string;
  validTo: string;
  notes: string | null;
}

/** Lists of this kind are valid five years (e.g. 长沙 2024-01-01 to 2028-12-31). */
const VALIDITY_YEARS = 5;

function title(agencyName: string, year: number): string {
  return year >= 2023 ? `关于公布《${agencyName}分类检查事项目录和四项清单》的通知` : `关于印发《${agencyName}轻微违法行为不予处罚清单》等四项清单的通知`;
}

export function buildPublications(rng: Random, plan: AgencyPlan, agencyName: string): PublicationRow[] {
  const rows: PublicationRow[] = [];
  const current = plan.docPrefix
    ? (() => {
        const publishDate = randomDay(rng, PUBLICATION_WINDOW.from, PUBLICATION_WINDOW.to) ?? PUBLICATION_WINDOW.from;
        return { docNumber: `${plan.docPrefix}〔2023〕${rng.int(3, 48)}号`, publishDate };
      })()
    : null;
  if (plan.earlier) {
    const e = plan.earlier;
    rows.push({
      docNumber: `${e.docPrefix}〔${e.publishDate.slice(0, 4)}〕${rng.int(3, 48)}号`,
      title: title(agencyName, Number(e.publishDate.slice(0, 4))),
      publishDate: e.publishDate,
      validFrom: e.publishDate,
      validTo: e.validTo,
      notes: current ? `已被${current.docNumber}替代` : null,
    });
  }
  if (current) {
    rows.push({
      docNumber: current.docNumber,
      title: title(agencyName, 2023),
      publishDate: current.publishDate,
      validFrom: current.publishDate,
      validTo: validityEnd(current.publishDate, VALIDITY_YEARS),
      notes: null,
    });
  }
  return rows;
}
