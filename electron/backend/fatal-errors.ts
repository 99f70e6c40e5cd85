import fs from 'node:fs';
import { AppError } from '../../shared/api/errors.ts';

/**
 * What the command line and the web host say, in Chinese and without a stack trace, when a
 * foreseeable condition stops them: another program holding the database, a full disk, a port
 * already in use. The stack goes to the log file; the exit code is 1.
 */

function codeOf(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

export function isBusy(err: unknown): boolean {
  const code = codeOf(err);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

export function isDiskFullError(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL');
}

/**
 * SQLite reports a disk that cannot take one more page of its shared-memory file as a generic I/O
 * error (SQLITE_IOERR_SHMSIZE …): ask the file system whether it is full.
 */
function folderIsFull(dir: string | undefined): boolean {
  if (!dir) return false;
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

export function fatalMessage(err: unknown, context: { port?: number; dataDir?: string } = {}): string {
  const code = codeOf(err);
  if (code.startsWith('SQLITE_IOERR') && folderIsFull(context.dataDir)) {
    return '磁盘空间不足，无法打开数据库：数据库没有被改动。请清理磁盘空间后重试。';
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return '读写数据库文件时出错（磁盘故障，或数据文件夹所在的设备已被拔出）。数据库没有被改动；请检查磁盘后重试，详细信息已写入日志文件。';
  }
  if (isBusy(err)) {
    return '数据库正被另一个程序占用（可能另一个导入正在写入，或程序窗口正在保存），等待 5 秒后仍未释放。这一步没有写入任何内容，之前已完成的步骤不受影响。请稍后再试。';
  }
  if (isDiskFullError(err)) {
    return '磁盘空间不足，操作未完成：数据库没有被改动，也没有留下不完整的文件。请清理磁盘空间后重试。';
  }
  if (code === 'EADDRINUSE') {
    return `端口 ${context.port ?? ''} 已被其他程序占用。请换一个端口（例如 --port 8080），或不指定端口，由程序自动选择一个空闲端口。`;
  }
  if (code === 'EACCES' && context.port !== undefined) {
    return `没有权限使用端口 ${context.port}（1024 以下的端口需要管理员权限）。请换一个 1024 以上的端口，或不指定端口。`;
  }
  if (err instanceof AppError) return err.message;
  return '程序内部错误，操作未完成。详细信息已写入数据文件夹中的 logs/registry.log。';
}
