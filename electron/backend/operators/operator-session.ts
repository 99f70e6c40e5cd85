import { AppError } from '../../../shared/api/errors.ts';
import type { OperatorEntry, SessionStatus } from '../../../shared/api/methods/operators.ts';
import { insertAccess } from '../access/access-log.ts';
import type { Db } from '../db/open-database.ts';
import { listOperators, operatorRow } from './operator-store.ts';
import { verifyPassword } from './passwords.ts';

/** After this many wrong passwords in a row, sign-in waits (against guessing through the web host). */
const MAX_FAILURES = 5;
const BLOCK_MS = 30_000;

/**
 * Who is signed in to this running program (one desktop window, one web-host launch). The backend
 * asks it before every call (backend.ts): while operators exist and nobody is signed in, only
 * signing in is possible. It is the one place that decides; the renderer only shows its answer.
 *
 * - No operators: nobody signs in; changes carry the name from 设置 › 业务规则, as before.
 * - One operator without a password: signed in automatically (there is nobody to choose).
 * - Otherwise: the clerk picks who they are, with the password if that operator has one, at
 *   start, after 锁定 and after the idle time (设置 › 操作员; 0 never).
 */
export class OperatorSession {
  private signed: OperatorEntry | null = null;
  private lastActivity = 0;
  private failures = 0;
  private blockedUntil = 0;
  private readonly clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.clock = clock;
  }

  /** The operator signed in now, after applying the idle time and any change to the operators. */
  current(db: Db, idleLockMinutes: number): { operators: OperatorEntry[]; signedIn: OperatorEntry | null } {
    const operators = listOperators(db);
    if (operators.length === 0) {
      this.signed = null;
      return { operators, signedIn: null };
    }
    if (this.signed) {
      const still = operators.find((o) => o.id === this.signed?.id) ?? null;
      const idle = idleLockMinutes > 0 && this.clock() - this.lastActivity > idleLockMinutes * 60_000;
      this.signed = idle ? null : still;
    }
    const only = operators[0];
    if (!this.signed && operators.length === 1 && only && !only.hasPassword) {
      this.signed = only;
      this.lastActivity = this.clock();
    }
    return { operators, signedIn: this.signed };
  }

  status(db: Db, idleLockMinutes: number): SessionStatus {
    const { operators, signedIn } = this.current(db, idleLockMinutes);
    return { configured: operators.length > 0, signedIn, locked: operators.length > 0 && signedIn === null, idleLockMinutes, operators };
  }

  isLocked(db: Db, idleLockMinutes: number): boolean {
    return this.status(db, idleLockMinutes).locked;
  }

  /** The clerk did something: the idle time starts again. */
  touch(): void {
    if (this.signed) this.lastActivity = this.clock();
  }

  /** Signs `operator` in without a password: the operator who was just created, in this session. */
  adopt(operator: OperatorEntry): void {
    this.signed = operator;
    this.lastActivity = this.clock();
  }

  lock(): void {
    this.signed = null;
  }

  /** Signs in; a wrong password is refused (and written to the access log), repeated ones wait. */
  async signIn(db: Db, operatorId: number, password: string, canRecord = true): Promise<OperatorEntry> {
    const now = this.clock();
    if (now < this.blockedUntil) {
      throw new AppError('FORBIDDEN', `密码错误次数过多，请 ${Math.ceil((this.blockedUntil - now) / 1000)} 秒后再试。`);
    }
    const row = operatorRow(db, operatorId);
    const ok = row.password_salt && row.password_hash ? await verifyPassword(password, row.password_salt, row.password_hash) : true;
    if (!ok) {
      this.failures += 1;
      if (this.failures >= MAX_FAILURES) {
        this.failures = 0;
        this.blockedUntil = this.clock() + BLOCK_MS;
      }
      if (canRecord) insertAccess(db, row.name, { kind: 'sign_in_failed', summary: `以“${row.name}”登录时密码错误` });
      throw new AppError('FORBIDDEN', '密码不正确。');
    }
    this.failures = 0;
    this.signed = { id: row.id, name: row.name, hasPassword: row.password_hash !== null };
    this.lastActivity = this.clock();
    // A damaged database (read-only) records nothing, but its operator may still sign in to restore a backup.
    if (canRecord) insertAccess(db, row.name, { kind: 'sign_in', summary: `${row.name} 登录` });
    return this.signed;
  }
}
