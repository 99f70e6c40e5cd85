import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase } from '../../electron/backend/db/open-database.ts';
import { OperatorSession } from '../../electron/backend/operators/operator-session.ts';
import { insertOperator } from '../../electron/backend/operators/operator-store.ts';
import { hashPassword } from '../../electron/backend/operators/passwords.ts';
import type { SessionStatus } from '../../shared/api/methods/operators.ts';
import { callErr, callOk } from '../helpers/backend.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * Operators and the lock: once operators exist, the signed-in operator is the name on every
 * change, reveal, print and export — decided by the backend, for every transport.
 */

const unit = (name: string) => ({ name, shortName: '', kind: '市直单位', keepsInspectionLists: false, sortOrder: 0, staffingQuota: null, contactPerson: '', contactPhone: '', notes: '', aliases: [] });
const openAs = (host: 'web' | 'cli', dataDir = tempDir('registry-operators-')) => createBackend({ dataDir, appRoot: REPO_ROOT, host, checkOutputs: true });

let template: string;

beforeAll(async () => {
  template = tempDir('registry-operators-template-');
  const backend = await openAs('cli', template);
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  backend.close();
}, 120_000);

/** A web backend on a copy of the sample registry. */
async function sampleBackend(): Promise<Backend> {
  const dir = tempDir('registry-operators-');
  const { default: fs } = await import('node:fs');
  fs.copyFileSync(path.join(template, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
  return openAs('web', dir);
}

const status = (backend: Backend) => callOk<SessionStatus>(backend, 'session.status', {});
const lastOperator = async (backend: Backend) => (await callOk<{ operations: { operator: string }[] }>(backend, 'history.recent', { limit: 1 })).operations[0]?.operator;

describe('without operators', () => {
  it('works as before: no sign-in, changes carry the name from 设置 › 业务规则', async () => {
    const backend = await sampleBackend();
    try {
      expect(await status(backend)).toMatchObject({ configured: false, locked: false, signedIn: null });
      await callOk(backend, 'settings.update', { operatorName: '李芳' });
      await callOk(backend, 'units.create', unit('未设操作员时新增'));
      expect(await lastOperator(backend)).toBe('李芳');
    } finally {
      backend.close();
    }
  });
});

describe('with operators', () => {
  it('records the signed-in operator, not the free-text name, and locks everything but sign-in', async () => {
    const backend = await sampleBackend();
    try {
      await callOk(backend, 'settings.update', { operatorName: '李芳' });
      // Whoever creates the first operator is signed in as that operator.
      const liFang = await callOk<{ id: number; hasPassword: boolean }>(backend, 'operators.create', { name: '李芳', password: 'li-fang-2024' });
      expect(liFang.hasPassword).toBe(true);
      expect((await status(backend)).signedIn?.name).toBe('李芳');
      // The free-text name no longer decides.
      await callOk(backend, 'settings.update', { operatorName: '冒名顶替' });
      await callOk(backend, 'units.create', unit('操作员新增的单位'));
      expect(await lastOperator(backend)).toBe('李芳');

      const wang = await callOk<{ id: number }>(backend, 'operators.create', { name: '王伟', password: null });
      await callOk(backend, 'session.lock', {});
      const locked = await status(backend);
      expect(locked).toMatchObject({ configured: true, locked: true, signedIn: null });
      expect(locked.operators.map((o) => [o.name, o.hasPassword])).toEqual([
        ['李芳', true],
        ['王伟', false],
      ]);
      // Locked: no data, no change; only what draws the sign-in screen.
      for (const [method, input] of [
        ['units.list', {}],
        ['personnel.query', { filter: {}, firstRows: 10 }],
        ['personnel.revealIdNumber', { id: 1 }],
        ['units.create', unit('锁定时新增')],
        ['backups.download', {}],
        ['operators.create', { name: '第三人', password: null }],
      ] as const) {
        const error = await callErr(backend, method, input);
        expect(error.code, method).toBe('LOCKED');
        expect(error.message).toContain('锁定');
      }
      await callOk(backend, 'system.info', {});
      await callOk(backend, 'settings.get', {});
      await callOk(backend, 'database.status', {});

      // A wrong password is refused and recorded; the right one signs in.
      expect((await callErr(backend, 'session.signIn', { operatorId: liFang.id, password: 'wrong-password' })).message).toBe('密码不正确。');
      expect((await callOk<SessionStatus>(backend, 'session.signIn', { operatorId: liFang.id, password: 'li-fang-2024' })).signedIn?.name).toBe('李芳');
      await callOk(backend, 'session.lock', {});
      // An operator without a password signs in by name.
      expect((await callOk<SessionStatus>(backend, 'session.signIn', { operatorId: wang.id })).signedIn?.name).toBe('王伟');
      await callOk(backend, 'units.create', unit('王伟新增的单位'));
      expect(await lastOperator(backend)).toBe('王伟');

      const access = await callOk<{ entries: { kind: string; operator: string; summary: string }[] }>(backend, 'history.access', {});
      expect(access.entries.map((e) => [e.kind, e.operator])).toEqual([
        ['sign_in', '王伟'],
        ['sign_in', '李芳'],
        ['sign_in_failed', '李芳'],
        ['operators', '李芳'],
        ['operators', '李芳'],
      ]);
    } finally {
      backend.close();
    }
  });

  it('stores a password only as scrypt with a salt, and asks for the old one to change one’s own', async () => {
    const backend = await sampleBackend();
    try {
      const op = await callOk<{ id: number }>(backend, 'operators.create', { name: '赵敏', password: 'zhao-min-01' });
      const row = backend.context.db.prepare(`SELECT password_salt, password_hash FROM operators WHERE id = ?`).get(op.id) as { password_salt: Buffer; password_hash: Buffer };
      expect(row.password_salt).toHaveLength(16);
      expect(row.password_hash).toHaveLength(64);
      expect(crypto.scryptSync('zhao-min-01', row.password_salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).equals(row.password_hash)).toBe(true);
      expect(JSON.stringify(backend.context.db.prepare(`SELECT * FROM operators`).all())).not.toContain('zhao-min-01');
      expect((await callErr(backend, 'operators.update', { id: op.id, password: 'new-password', currentPassword: 'not-it' })).message).toContain('原密码不正确');
      await callOk(backend, 'operators.update', { id: op.id, password: 'new-password', currentPassword: 'zhao-min-01' });
      await callOk(backend, 'session.lock', {});
      await callErr(backend, 'session.signIn', { operatorId: op.id, password: 'zhao-min-01' });
      await callOk(backend, 'session.signIn', { operatorId: op.id, password: 'new-password' });
      // Passwords shorter than 6 characters are refused by the schema.
      expect((await callErr(backend, 'operators.create', { name: '短密码', password: '12345' })).code).toBe('INVALID_INPUT');
    } finally {
      backend.close();
    }
  });

  it('makes sign-in wait after five wrong passwords in a row', async () => {
    const backend = await sampleBackend();
    try {
      const op = await callOk<{ id: number }>(backend, 'operators.create', { name: '孙丽', password: 'sun-li-2024' });
      await callOk(backend, 'session.lock', {});
      for (let i = 0; i < 5; i += 1) expect((await callErr(backend, 'session.signIn', { operatorId: op.id, password: `guess-${i}` })).message).toBe('密码不正确。');
      expect((await callErr(backend, 'session.signIn', { operatorId: op.id, password: 'sun-li-2024' })).message).toMatch(/密码错误次数过多，请 \d+ 秒后再试/);
    } finally {
      backend.close();
    }
  });

  it('signs the only operator without a password in by itself, and falls back to no operators when the last is deleted', async () => {
    const backend = await sampleBackend();
    try {
      const op = await callOk<{ id: number }>(backend, 'operators.create', { name: '周强', password: null });
      await callOk(backend, 'session.lock', {});
      expect(await status(backend)).toMatchObject({ locked: false, signedIn: { name: '周强' } });
      await callOk(backend, 'operators.delete', { id: op.id });
      expect(await status(backend)).toMatchObject({ configured: false, locked: false });
    } finally {
      backend.close();
    }
  });

  it('the command line has no lock: it records the system account', async () => {
    const dir = tempDir('registry-operators-');
    const { default: fs } = await import('node:fs');
    fs.copyFileSync(path.join(template, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
    const web = await openAs('web', dir);
    await callOk(web, 'operators.create', { name: '李芳', password: 'li-fang-2024' });
    web.close();
    const cli = await openAs('cli', dir);
    try {
      await callOk(cli, 'units.create', unit('命令行新增的单位'));
      expect(await lastOperator(cli)).toBe(`命令行（${os.userInfo().username}）`);
    } finally {
      cli.close();
    }
  });
});

describe('the idle lock', () => {
  it('locks after the idle minutes, counting only the clerk’s activity', async () => {
    const { db } = await openDatabase(path.join(tempDir(), 'r.sqlite3'), { backupDir: tempDir(), migrations: loadMigrations(MIGRATIONS_DIR) });
    insertOperator(db, '李芳', await hashPassword('li-fang-2024'));
    let now = 1_000_000;
    const session = new OperatorSession(() => now);
    expect(session.isLocked(db, 15)).toBe(true);
    const id = db.prepare(`SELECT id FROM operators`).pluck().get() as number;
    await session.signIn(db, id, 'li-fang-2024');
    now += 14 * 60_000;
    expect(session.isLocked(db, 15)).toBe(false);
    session.touch();
    now += 14 * 60_000;
    expect(session.isLocked(db, 15)).toBe(false);
    now += 2 * 60_000;
    expect(session.isLocked(db, 15)).toBe(true);
    // Touching a locked session does not unlock it; 0 minutes never locks.
    session.touch();
    expect(session.isLocked(db, 15)).toBe(true);
    await session.signIn(db, id, 'li-fang-2024');
    now += 1000 * 60_000;
    expect(session.isLocked(db, 0)).toBe(false);
    db.close();
  });
});

describe('the access log', () => {
  it('records full ID numbers shown, printed and exported, by whom; every undo is in the operations; both export to Excel', async () => {
    const backend = await sampleBackend();
    try {
      await callOk(backend, 'operators.create', { name: '李芳', password: 'li-fang-2024' });
      const person = backend.context.db.prepare(`SELECT id, name, id_number FROM personnel ORDER BY id LIMIT 1`).get() as { id: number; name: string; id_number: string };
      expect((await callOk<{ idNumber: string }>(backend, 'personnel.revealIdNumber', { id: person.id })).idNumber).toBe(person.id_number);
      await callOk(backend, 'rosters.get', { kind: 'renewal', filter: { expiringWithinDays: 180 }, fullIdNumbers: true });
      const exported = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 180 }, fullIdNumbers: true });
      await callOk(backend, 'files.get', { fileId: exported.fileId });
      // A masked roster is not an access to full numbers.
      await callOk(backend, 'rosters.get', { kind: 'renewal', filter: { expiringWithinDays: 180 } });
      const created = await callOk<{ operationId: number }>(backend, 'units.create', unit('撤销前新增的单位'));
      await callOk(backend, 'history.undo', { operationId: created.operationId });

      const entries = (await callOk<{ entries: { kind: string; operator: string; personId: number | null; summary: string }[] }>(backend, 'history.access', {})).entries;
      expect(entries.slice(0, 3).map((e) => [e.kind, e.operator, e.personId])).toEqual([
        ['export_full_ids', '李芳', null],
        ['print_full_ids', '李芳', null],
        ['reveal_id_number', '李芳', person.id],
      ]);
      expect(entries[2]?.summary).toBe(`查看了“${person.name}”的完整身份证号`);
      const undo = (await callOk<{ operations: { kind: string; operator: string; undoes: number | null }[] }>(backend, 'history.recent', { limit: 1 })).operations[0];
      expect(undo).toMatchObject({ kind: 'undo', operator: '李芳', undoes: created.operationId });

      const file = await callOk<{ fileId: string; name: string; rows: number }>(backend, 'history.export', {});
      const { dataBase64 } = await callOk<{ dataBase64: string }>(backend, 'files.get', { fileId: file.fileId });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['修改记录', '查阅记录']);
      const accessSheet = book.getWorksheet('查阅记录');
      const texts: string[] = [];
      accessSheet?.eachRow((row) => texts.push(row.values?.toString() ?? ''));
      expect(texts.join('\n')).toContain('查看完整身份证号');
      expect(texts.join('\n')).toContain(`查看了“${person.name}”的完整身份证号`);
    } finally {
      backend.close();
    }
  });

  it('refuses to show a full number it cannot record (a damaged, read-only database)', async () => {
    const dir = tempDir('registry-operators-');
    const { default: fs } = await import('node:fs');
    fs.writeFileSync(path.join(dir, 'registry.sqlite3'), '');
    const backend = await openAs('web', dir);
    try {
      expect((await callErr(backend, 'personnel.revealIdNumber', { id: 1 })).message).toContain('无法记录这次操作');
    } finally {
      backend.close();
    }
  });
});
