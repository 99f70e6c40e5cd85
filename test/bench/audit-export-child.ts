import fs from 'node:fs';
import path from 'node:path';
import { writeAuditWorkbook } from '../../electron/backend/audit/audit-workbook.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { writeVerificationSet } from '../../electron/backend/verification/verification-set.ts';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * Run by test/bench/measures/audit.ts in a process of its own, on a registry it made beforehand, so
 * the peak memory is the export's and not the test data's: writes the audit workbook (or the
 * verification set) the way `npm run cli -- export …` does, or the public officer list the way the
 * roster page exports it (`rosters.exportXlsx`, the backend opened first and not timed), and prints
 * {ms, rss, bytes}.
 */
const [what, databasePath, today] = process.argv.slice(2);
if (!databasePath || !today) throw new Error('usage: audit-export-child.ts audit|verification|public-list DB TODAY');
const out = tempDir('bench-audit-out-');
process.env['REGISTRY_TODAY'] = today;
const backend = what === 'public-list' ? await createBackend({ dataDir: path.dirname(databasePath), appRoot: REPO_ROOT, host: 'cli' }) : null;
const start = performance.now();
let bytes = 0;
if (backend) {
  const result = await backend.call('rosters.exportXlsx', { kind: 'public-list' });
  if (!result.ok) throw new Error(result.error.message);
  const { rows } = result.value as { rows: number };
  // The public list holds only the people with a valid card: most of the 100,000, never few.
  if (rows < 50_000) throw new Error(`the public list held only ${rows} rows`);
  process.stderr.write(`public list: ${rows} rows\n`);
} else if (what === 'verification') {
  await writeVerificationSet({
    databasePath,
    today,
    save: (name, data) => {
      fs.writeFileSync(path.join(out, name), data);
      bytes += data.length;
    },
  });
} else {
  const file = path.join(out, 'audit.xlsx');
  await writeAuditWorkbook({ databasePath, today, year: Number(today.slice(0, 4)), settings: DEFAULT_SETTINGS, fullIdNumbers: false, file });
  bytes = fs.statSync(file).size;
}
const ms = performance.now() - start;
process.stdout.write(`@@AUDIT ${JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, bytes })}\n`);
