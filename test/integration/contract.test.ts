import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { apiHandlers } from '../../electron/backend/api-handlers.ts';
import { contract, METHOD_NAMES } from '../../shared/api/contract.ts';
import { ERROR_CODES } from '../../shared/api/errors.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
});
afterAll(() => backend.close());

const HAN = /[\u4e00-\u9fff]/;

describe('the API contract', () => {
  it('has a backend handler for every method and no handler without a method', () => {
    expect(Object.keys(apiHandlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each(METHOD_NAMES)('%s rejects input of the wrong shape with a structured Chinese error', async (method) => {
    for (const bad of [42, 'text', [1, 2], { 未知字段: 1 }]) {
      const error = await callErr(backend, method, bad);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain(contract[method].title);
      expect(error.message).toMatch(HAN);
      expect(error.message).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace
      expect(Array.isArray(error.issues)).toBe(true);
    }
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const error = await callErr(backend, 'units.drop_all', {});
    expect(error.code).toBe('UNKNOWN_METHOD');
    const proto = await callErr(backend, '__proto__', {});
    expect(proto.code).toBe('UNKNOWN_METHOD');
    const toString = await callErr(backend, 'toString', {});
    expect(toString.code).toBe('UNKNOWN_METHOD');
  });

  it('names the offending field', async () => {
    const error = await callErr(backend, 'units.create', {
      name: '沅',
      shortName: null,
      kind: '市直单位',
      keepsInspectionLists: false,
      sortOrder: 1,
      staffingQuota: null,
      contactPerson: null,
      contactPhone: null,
      notes: null,
      aliases: [],
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]?.path).toBe('name');
    expect(error.message).toContain('单位名称至少2个字');
  });

  it('uses only the stable error codes', async () => {
    const error = await callErr(backend, 'units.delete', { id: 999 });
    expect(ERROR_CODES).toContain(error.code);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('answers desktop-only methods with UNSUPPORTED outside Electron', async () => {
    const error = await callErr(backend, 'desktop.printToPdf', { suggestedName: '换证人员名册' });
    expect(error.code).toBe('UNSUPPORTED');
  });

  it('reports the registry as empty before any data exists', async () => {
    const info = await callOk<{ isEmpty: boolean; hasSampleData: boolean; schemaVersion: number }>(backend, 'system.info', {});
    expect(info.isEmpty).toBe(true);
    expect(info.hasSampleData).toBe(false);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('tells the 关于 page the data and backup folders and the platform it runs on', async () => {
    const info = await callOk<{ dataDir: string; backupDir: string; platform: string; arch: string }>(backend, 'system.info', {});
    expect(info.backupDir).toBe(path.join(info.dataDir, 'backups'));
    expect(info).toMatchObject({ platform: process.platform, arch: process.arch });
  });
});
