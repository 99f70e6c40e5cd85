import fs from 'node:fs';
import path from 'node:path';
import { writeAuditWorkbook } from '../../electron/backend/audit/audit-workbook.ts';
import { writeVerificationSet } from '../../electron/backend/verification/verification-set.ts';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings.ts';
import { tempDir } from '../helpers/paths.ts';

/**
 * Run by test/bench/measures/audit.ts in a process of its own, on a registry it made beforehand, so
 * the peak memory is the export's and not the test data's: writes the audit workbook (or the
 * verification set) the way `npm run cli -- export …` does and prints {ms, rss, bytes}.
 */
const [what, databasePath, today] = process.argv.slice(2);
if (!databasePath || !today) throw new Error('usage: audit-export-child.ts audit|verification DB TODAY');
const out = tempDir('bench-audit-out-');
const start = performance.now();
let bytes = 0;
if (what === 'verification') {
  await writeVerificationSet({ databasePath, today, save: (name, data) => { fs.writeFileSync(path.join(out, name), data); bytes += data.length; } });
} else {
  const file = path.join(out, 'audit.xlsx');
  await writeAuditWorkbook({ databasePath, today, year: Number(today.slice(0, 4)), settings: DEFAULT_SETTINGS, fullIdNumbers: false, file });
  bytes = fs.statSync(file).size;
}
const ms = performance.now() - start;
process.stdout.write(`@@AUDIT ${JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, bytes })}\n`);
