import { AppError } from '../../../shared/api/errors.ts';
import type { operatorMethods } from '../../../shared/api/methods/operators.ts';
import { ACCESS_KIND_LABELS, type AccessRow } from '../../../shared/api/methods/operators.ts';
import { OPERATION_KIND_LABELS, type OperationRow } from '../../../shared/api/methods/history.ts';
import { insertAccess, recentAccess } from '../access/access-log.ts';
import type { BackendContext } from '../context.ts';
import { XlsxWorkbook } from '../export/xlsx-writer.ts';
import type { Handlers } from '../handler-types.ts';
import { formatDateTime } from '../../../shared/domain/dates.ts';
import { recentOperations } from '../history/history-service.ts';
import { insertOperator, listOperators, operatorEntry, operatorRow, removeOperator, renameOperator, setOperatorPassword } from './operator-store.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

function sessionStatus(ctx: BackendContext) {
  return ctx.session.status(ctx.db, ctx.settings().idleLockMinutes);
}

/** Changes to the operators are written with their access-log line in one transaction. */
function inTransaction<T>(ctx: BackendContext, fn: () => T): T {
  return ctx.db.transaction(fn)();
}

const localTime = formatDateTime;

export const operatorHandlers = {
  'session.status': (_input, ctx) => sessionStatus(ctx),
  'session.signIn': async ({ operatorId, password }, ctx) => {
    await ctx.session.signIn(ctx.db, operatorId, password, ctx.database.writable);
    return sessionStatus(ctx);
  },
  'session.lock': (_input, ctx) => {
    ctx.session.lock();
    return sessionStatus(ctx);
  },
  'session.touch': (_input, ctx) => ({ locked: sessionStatus(ctx).locked }),

  'operators.list': (_input, ctx) => ({ operators: listOperators(ctx.db) }),
  'operators.create': async ({ name, password }, ctx) => {
    const first = listOperators(ctx.db).length === 0;
    const hash = password === null ? null : await hashPassword(password);
    const operator = inTransaction(ctx, () => {
      const created = insertOperator(ctx.db, name, hash);
      insertAccess(ctx.db, first ? name : ctx.operator(), { kind: 'operators', summary: `新增操作员“${name}”${hash ? '（设置了密码）' : '（未设密码）'}` });
      return created;
    });
    // Whoever creates the first operator is that operator: the program must not lock them out at once.
    if (first) ctx.session.adopt(operator);
    return operator;
  },
  'operators.update': async ({ id, name, password, currentPassword }, ctx) => {
    const row = operatorRow(ctx.db, id);
    const signedIn = ctx.session.current(ctx.db, ctx.settings().idleLockMinutes).signedIn;
    if (password !== undefined && signedIn?.id === id && row.password_salt && row.password_hash) {
      if (!(await verifyPassword(currentPassword ?? '', row.password_salt, row.password_hash))) throw new AppError('FORBIDDEN', '原密码不正确，密码未修改。');
    }
    const hash = password === undefined || password === null ? null : await hashPassword(password);
    const changes: string[] = [];
    inTransaction(ctx, () => {
      if (name !== undefined && name !== row.name) {
        renameOperator(ctx.db, id, name);
        changes.push(`改名为“${name}”`);
      }
      if (password !== undefined) {
        setOperatorPassword(ctx.db, id, hash);
        changes.push(password === null ? '取消密码' : row.password_hash ? '修改密码' : '设置密码');
      }
      if (changes.length > 0) insertAccess(ctx.db, ctx.operator(), { kind: 'operators', summary: `修改操作员“${row.name}”：${changes.join('、')}` });
    });
    const updated = operatorEntry(ctx.db, id);
    if (signedIn?.id === id) ctx.session.adopt(updated);
    return updated;
  },
  'operators.delete': ({ id }, ctx) => {
    const row = operatorRow(ctx.db, id);
    inTransaction(ctx, () => {
      insertAccess(ctx.db, ctx.operator(), { kind: 'operators', summary: `删除操作员“${row.name}”` });
      removeOperator(ctx.db, id);
    });
    return { deleted: true };
  },

  'history.access': ({ limit }, ctx) => ({ entries: recentAccess(ctx.db, limit) }),
  'history.export': async (_input, ctx) => {
    const operations: OperationRow[] = recentOperations(ctx.db, 1_000_000);
    const access: AccessRow[] = recentAccess(ctx.db, 1_000_000);
    const book = new XlsxWorkbook();
    const today = ctx.today();
    await book.addTableSheet({
      name: '修改记录',
      title: `${ctx.settings().bureauName} 执法台账 修改记录`,
      subtitles: [`导出日期：${today}　　共 ${operations.length} 项`],
      columns: [
        { key: 'at', header: '时间', width: 22, kind: 'text' },
        { key: 'kind', header: '类型', width: 10, kind: 'text' },
        { key: 'summary', header: '内容', width: 70, kind: 'text' },
        { key: 'changes', header: '改动', width: 8, kind: 'integer', align: 'right' },
        { key: 'operator', header: '经办人', width: 14, kind: 'text' },
        { key: 'state', header: '状态', width: 14, kind: 'text' },
      ],
      rows: operations.map((o) => ({
        values: {
          at: localTime(o.at),
          kind: OPERATION_KIND_LABELS[o.kind] ?? o.kind,
          summary: o.summary,
          changes: o.changeCount,
          operator: o.operator,
          state: o.undoneBy !== null ? `已撤销（#${o.undoneBy}）` : o.undoes !== null ? `撤销 #${o.undoes}` : '',
        },
      })),
      orientation: 'landscape',
    });
    await book.addTableSheet({
      name: '查阅记录',
      title: `${ctx.settings().bureauName} 执法台账 查阅与导出记录`,
      subtitles: [`导出日期：${today}　　共 ${access.length} 项`],
      columns: [
        { key: 'at', header: '时间', width: 22, kind: 'text' },
        { key: 'kind', header: '类型', width: 18, kind: 'text' },
        { key: 'summary', header: '内容', width: 70, kind: 'text' },
        { key: 'operator', header: '操作员', width: 14, kind: 'text' },
      ],
      rows: access.map((a) => ({ values: { at: localTime(a.at), kind: ACCESS_KIND_LABELS[a.kind], summary: a.summary, operator: a.operator } })),
      orientation: 'landscape',
    });
    const info = ctx.files.putExport(`操作记录_${today}.xlsx`, await book.toBuffer());
    return { fileId: info.fileId, name: info.name, rows: operations.length + access.length };
  },
} satisfies Handlers<typeof operatorMethods>;
