import type { z } from 'zod';
import { AppError } from '../../shared/api/errors.ts';
import type { ApiError, FieldIssue } from '../../shared/api/result.ts';

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function invalidInput(methodTitle: string, error: z.ZodError): ApiError {
  const issues = zodIssues(error);
  const first = issues[0];
  const where = first && first.path ? `（${first.path}）` : '';
  return {
    code: 'INVALID_INPUT',
    message: `“${methodTitle}”的输入不正确${where}：${first?.message ?? '格式错误'}`,
    issues,
  };
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** SQLite's own refusals become specific Chinese messages; nothing was written (the transaction rolled back). */
function fromSqlite(err: SqliteLikeError): ApiError | null {
  if (typeof err.code !== 'string' || !err.code.startsWith('SQLITE_')) return null;
  const message = typeof err.message === 'string' ? err.message : '';
  switch (err.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(message)?.[1];
      const label: Record<string, string> = { id_number: '身份证号', cert_number: '证件编号', name: '名称', alias: '别名', item_code: '事项编码' };
      const what = column ? (label[column] ?? column) : '关键字段';
      return { code: 'CONSTRAINT', message: `保存失败：${what}与已有记录重复。未作任何修改。` };
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { code: 'CONSTRAINT', message: '保存失败：该记录仍被其他数据引用，或引用的记录不存在。未作任何修改。' };
    case 'SQLITE_CONSTRAINT_TRIGGER':
      if (message.includes('does not keep inspection lists')) {
        return { code: 'CONSTRAINT', message: '保存失败：该单位未标记为编制检查事项目录和清单的执法主体。未作任何修改。' };
      }
      if (message.includes('still holds inspection lists')) {
        return { code: 'CONSTRAINT', message: '保存失败：该单位还有检查事项或清单，不能取消执法主体标记。未作任何修改。' };
      }
      return { code: 'CONSTRAINT', message: '保存失败：数据不符合规则。未作任何修改。' };
    case 'SQLITE_CONSTRAINT_CHECK':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return { code: 'CONSTRAINT', message: '保存失败：数据不符合规则（缺少必填项或取值不允许）。未作任何修改。' };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { code: 'DATABASE_ERROR', message: '数据库正被其他程序占用，请稍后重试。未作任何修改。' };
    case 'SQLITE_FULL':
      return { code: 'DATABASE_ERROR', message: '磁盘空间不足，保存失败。未作任何修改。' };
    case 'SQLITE_READONLY':
      return { code: 'DATABASE_ERROR', message: '数据库文件是只读的，无法保存。请检查数据文件夹的权限。' };
    case 'SQLITE_CORRUPT':
    case 'SQLITE_CORRUPT_INDEX':
    case 'SQLITE_CORRUPT_SEQUENCE':
    case 'SQLITE_CORRUPT_VTAB':
    case 'SQLITE_NOTADB':
      return { code: 'DATABASE_DAMAGED', message: '数据库文件已损坏，这部分数据无法读取，操作未完成。请在 设置 › 备份与恢复 中检查数据库，并恢复最近一次完好的备份。' };
    default:
      return { code: 'DATABASE_ERROR', message: `数据库错误（${err.code}），操作未完成，未作任何修改。` };
  }
}

/** Turns anything a handler threw into what the clerk may see. Unknown errors say nothing of their internals. */
export function toApiError(err: unknown): { error: ApiError; unexpected: boolean } {
  if (err instanceof AppError) return { error: err.toApiError(), unexpected: false };
  const sqlite = typeof err === 'object' && err !== null ? fromSqlite(err) : null;
  if (sqlite) return { error: sqlite, unexpected: sqlite.code === 'DATABASE_ERROR' || sqlite.code === 'DATABASE_DAMAGED' };
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { error: { code: 'DATABASE_ERROR', message: '磁盘空间不足，操作未完成，没有留下不完整的文件。请清理磁盘空间后重试。' }, unexpected: true };
  }
  return { error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未被修改。详细信息已写入日志文件。' }, unexpected: true };
}
