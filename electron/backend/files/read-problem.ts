/** Why a file could not be read from the disk, in the clerk's words (a Node errno error's code). */
export function readProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return '文件已不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'EBUSY') return '文件正被其他程序占用';
  if (code === 'EIO') return '磁盘读取出错';
  if (code === 'ENOSPC') return '数据文件夹所在的磁盘已满，无法暂存这个文件';
  return code ? `读取出错：${code}` : '读取出错';
}

/** Whether `err` is one of Node's file-system errors (it carries an errno code such as ENOENT). */
export function isFileSystemError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code ?? '');
}
