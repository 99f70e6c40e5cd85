import { describe, expect, it } from 'vitest';
import { startupErrorMessage } from '../../electron/startup-error.ts';

describe('the message a clerk reads when the program cannot start', () => {
  it('explains an old glibc (older 统信 UOS / 麒麟) in Chinese, with the version needed', () => {
    const err = new Error("/opt/执法台账/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found");
    const text = startupErrorMessage(err);
    expect(text).toContain('glibc 2.34');
    expect(text).toContain('ldd --version');
    expect(text).toContain('技术信息');
  });

  it('passes a Chinese message of the backend through unchanged', () => {
    expect(startupErrorMessage(new Error('数据库由更新版本的程序创建，请安装新版本'))).toBe('数据库由更新版本的程序创建，请安装新版本');
  });

  it('never shows a bare English error', () => {
    expect(startupErrorMessage(new Error('EACCES: permission denied, open /x'))).toMatch(/^程序启动时出错/);
    expect(startupErrorMessage('boom')).toMatch(/^程序启动时出错/);
  });
});
