import { describe, expect, it } from 'vitest';
import { countyNameOf, DEFAULT_SETTINGS, registrySettingsPatchSchema } from '../../shared/domain/settings.ts';

describe('the bureau set up in settings', () => {
  it('takes a county name and a 6-digit region code, both empty until set up', () => {
    expect([DEFAULT_SETTINGS.countyName, DEFAULT_SETTINGS.regionCode]).toEqual(['', '']);
    expect(registrySettingsPatchSchema.safeParse({ countyName: '沅江市', regionCode: ' 430981 ' }).data).toEqual({ countyName: '沅江市', regionCode: '430981' });
    for (const bad of ['43098', '4309810', '43098X']) expect(registrySettingsPatchSchema.safeParse({ regionCode: bad }).success, bad).toBe(false);
  });

  it('changes only the settings given (no defaults filled in for the others)', () => {
    expect(registrySettingsPatchSchema.parse({ operatorName: '李芳' })).toEqual({ operatorName: '李芳' });
    expect(registrySettingsPatchSchema.safeParse({ certValidityYears: 0 }).success).toBe(false);
  });

  it('names the county in titles from the setting, else from the bureau’s name', () => {
    expect(countyNameOf({ countyName: '赫山区', bureauName: '益阳市赫山区司法局' })).toBe('赫山区');
    expect(countyNameOf({ countyName: '', bureauName: '沅江市司法局' })).toBe('沅江市');
    expect(countyNameOf({ countyName: '', bureauName: '司法局' })).toBe('司法局');
  });
});
