/**
 * What the clerk reads when the program cannot start. The Electron main process shows it in a
 * dialog; it never shows a raw English error. Kept apart from main.ts so it can be tested in Node.
 */

const GLIBC = /GLIBC_(\d+\.\d+)/;

export function startupErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const glibc = GLIBC.exec(message);
  if (glibc) {
    // better-sqlite3's Linux binaries need glibc 2.34 or newer (older 统信 UOS 20 / 麒麟 V10 releases have less).
    return [
      `本机的系统运行库（glibc）版本过低，数据库组件需要 glibc ${glibc[1]} 或更新的版本。`,
      '请在终端中运行 ldd --version 查看本机版本，并请信息中心将系统升级到带有该版本运行库的发行版，或在 Windows 10/11 电脑上使用本程序。',
      `技术信息：${message.split('\n')[0] ?? ''}`,
    ].join('\n\n');
  }
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  return `程序启动时出错，请将以下信息告知信息中心：\n\n${message.split('\n')[0] ?? message}`;
}
