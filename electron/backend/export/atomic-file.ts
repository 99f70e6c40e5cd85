import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file under a temporary name beside its destination and renames it into place, so a
 * reader (or a scheduled copy) never sees half a file, and a failure leaves no partial file behind.
 */
export async function writeFileAtomically(target: string, write: (tempPath: string) => Promise<void> | void): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  try {
    await write(temp);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
