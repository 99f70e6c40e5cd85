import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../backend/files/write-file-atomic.ts';

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Opens the program's address (with its access token) in the default browser. The token must not
 * appear on any process's command line, where every account on the PC can read it (ps, /proc): the
 * browser is given a small page in the owner-only staging folder instead, which forwards to the
 * address, and which is deleted a minute later. If no browser can be started, the printed address
 * still works.
 */
export function openInBrowser(url: string, privateDir: string): void {
  const page = path.join(privateDir, `.open-${crypto.randomBytes(8).toString('hex')}.html`);
  writeFileAtomic(page, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escapeAttribute(url)}"><title>执法台账</title>`);
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', page]] : process.platform === 'darwin' ? ['open', [page]] : ['xdg-open', [page]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this system: the address printed above is enough.
  }
  setTimeout(() => fs.rmSync(page, { force: true }), 60_000).unref();
}
