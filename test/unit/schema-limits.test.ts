import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/api/contract.ts';
import { publicationInputSchema } from '../../shared/api/methods/catalog.ts';
import { personValuesSchema } from '../../shared/api/methods/personnel.ts';
import { optionalText } from '../../shared/api/schema-parts.ts';
import { fieldLimits, limitsOf } from '../../shared/api/schema-limits.ts';
import { registrySettingsSchema } from '../../shared/domain/settings.ts';

/** The forms take their limits from the contract through fieldLimits: it must read what zod enforces. */
describe('fieldLimits reads a field’s limits from its contract schema', () => {
  it('reads min and max of a required text', () => {
    expect(limitsOf(personValuesSchema, 'name')).toEqual({ kind: 'string', min: 2, max: 30, optional: false });
  });

  it('sees through nullable text with a transform (optionalText)', () => {
    expect(fieldLimits(optionalText(40, '职务'))).toEqual({ kind: 'string', min: null, max: 40, optional: true });
  });

  it('takes the tighter bound of a pipe (a transform before the checked string)', () => {
    expect(fieldLimits(publicationInputSchema.shape.docNumber)).toEqual({ kind: 'string', min: 1, max: 100, optional: false });
  });

  it('reads number ranges through defaults', () => {
    expect(limitsOf(registrySettingsSchema, 'expiryWarningDays')).toEqual({ kind: 'number', min: 1, max: 730, optional: true });
    expect(fieldLimits(contract['certificates.recordExam'].input.shape.score)).toMatchObject({ kind: 'number', min: 0, max: 100, optional: true });
  });

  it('agrees with zod on the boundary values it reports', () => {
    const checks: [z.ZodType, ReturnType<typeof fieldLimits>][] = [
      [personValuesSchema.shape.name, fieldLimits(personValuesSchema.shape.name)],
      [personValuesSchema.shape.notes, fieldLimits(personValuesSchema.shape.notes)],
      [registrySettingsSchema.shape.certValidityYears, fieldLimits(registrySettingsSchema.shape.certValidityYears)],
    ];
    for (const [schema, limits] of checks) {
      if (limits.kind === 'string') {
        if (limits.max !== null) {
          expect(schema.safeParse('甲'.repeat(limits.max)).success).toBe(true);
          expect(schema.safeParse('甲'.repeat(limits.max + 1)).success).toBe(false);
        }
        if (limits.min !== null && limits.min > 0) expect(schema.safeParse('甲'.repeat(limits.min - 1)).success).toBe(false);
      } else if (limits.kind === 'number' && limits.max !== null && limits.min !== null) {
        expect(schema.safeParse(limits.max).success).toBe(true);
        expect(schema.safeParse(limits.max + 1).success).toBe(false);
        expect(schema.safeParse(limits.min - 1).success).toBe(false);
      }
    }
  });

  it('reports nothing for a field it cannot bound', () => {
    expect(fieldLimits(z.boolean())).toEqual({ kind: 'other', min: null, max: null, optional: false });
  });
});
