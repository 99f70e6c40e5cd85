import type { CertFlow } from '../../../shared/domain/certificate-flows.ts';
import { trainingYearRange } from '../../../shared/domain/training-hours.ts';

/**
 * The annual report's flow figures as SQL over a person (shared/domain/certificate-flows.ts): one
 * EXISTS per flow, with the year's first and last day as @flowFrom and @flowTo. The report counts
 * `SELECT count(*) FROM personnel p WHERE <this>`; the roster filters by the same expression.
 */
export function certFlowSql(flow: CertFlow, personAlias: string): string {
  switch (flow) {
    case 'issued':
      // Every card handed out that year: a first card, a renewal, a replacement.
      return `EXISTS (SELECT 1 FROM certificates cf WHERE cf.person_id = ${personAlias}.id AND cf.issue_date BETWEEN @flowFrom AND @flowTo)`;
    case 'renewed':
      return `EXISTS (SELECT 1 FROM certificates cf WHERE cf.person_id = ${personAlias}.id AND cf.replaces_id IS NOT NULL AND cf.issue_date BETWEEN @flowFrom AND @flowTo
                       AND EXISTS (SELECT 1 FROM certificate_events ef WHERE ef.certificate_id = cf.id AND ef.event_type = '换证'))`;
    case 'cancelled':
      return `EXISTS (SELECT 1 FROM certificates cf WHERE cf.person_id = ${personAlias}.id AND cf.state = '已注销' AND cf.cancel_date BETWEEN @flowFrom AND @flowTo)`;
  }
}

export function certFlowParams(year: number): { flowFrom: string; flowTo: string } {
  const range = trainingYearRange(year);
  return { flowFrom: range.from, flowTo: range.to };
}
