import { describe, expect, it } from 'vitest';
import { preferUnpacked } from '../../electron/backend/unpacked-path.ts';

describe('preferUnpacked', () => {
  const existing = (paths: string[]) => (candidate: string) => paths.includes(candidate);

  it('swaps a path inside app.asar for its unpacked twin when that exists', () => {
    const file = '/opt/执法台账/resources/app.asar/dist/electron/parse-worker.cjs';
    const twin = '/opt/执法台账/resources/app.asar.unpacked/dist/electron/parse-worker.cjs';
    expect(preferUnpacked(file, existing([twin]))).toBe(twin);
    expect(preferUnpacked(file, existing([]))).toBe(file);
  });

  it('handles Windows separators', () => {
    const file = 'C:\\Users\\clerk\\AppData\\Local\\Programs\\执法台账\\resources\\app.asar\\dist\\electron\\parse-worker.cjs';
    const twin = 'C:\\Users\\clerk\\AppData\\Local\\Programs\\执法台账\\resources\\app.asar.unpacked\\dist\\electron\\parse-worker.cjs';
    expect(preferUnpacked(file, existing([twin]))).toBe(twin);
  });

  it('leaves paths outside a package alone', () => {
    const file = '/work/registry/dist/electron/parse-worker.cjs';
    expect(preferUnpacked(file, () => true)).toBe(file);
    expect(preferUnpacked('/data/app.asar.unpacked/x.cjs', () => true)).toBe('/data/app.asar.unpacked/x.cjs');
  });
});
