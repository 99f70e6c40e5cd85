import type { CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { NATIONAL_CARD_FROM } from './certificate-plan.ts';
import type { Random } from './random.ts';

/**
 * Certificate numbers. No province publishes a format, so the registry treats numbers as opaque;
 * the sample uses two plausible shapes so the clerk sees the change of card that happened in 2022:
 * provincial cards 'HN0981' + year + serial, national cards (from 2022-11-01) '湘0981' + year +
 * serial; supervision cards carry 监 / JD. Serials run per prefix in issue order, so numbers are
 * unique by construction.
 */
export class CardNumberer {
  private readonly next = new Map<string, number>();
  private readonly rng: Random;

  constructor(rng: Random) {
    this.rng = rng;
  }

  /** Call in issue-date order. */
  assign(certType: CertType, issueDate: string): string {
    const yy = issueDate.slice(2, 4);
    const national = issueDate >= NATIONAL_CARD_FROM;
    const supervision = certType === '行政执法监督证';
    const prefix = national ? (supervision ? `湘监0981${yy}` : `湘0981${yy}`) : supervision ? `HNJD0981${yy}` : `HN0981${yy}`;
    const width = national ? (supervision ? 4 : 5) : supervision ? 3 : 4;
    const serial = this.next.get(prefix) ?? this.rng.int(1, 120);
    this.next.set(prefix, serial + 1);
    return prefix + String(serial).padStart(width, '0');
  }
}
