import path from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/backend.ts';
import { createBackup } from '../../../electron/backend/backups/backup-service.ts';
import { checkFile } from '../../../electron/backend/db/integrity.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { medianMs, type Measure } from '../measure.ts';
import { addBulkPersonnel } from './personnel-bulk-data.ts';

/**
 * What the database checks and backups cost: the quick_check every start runs before opening the
 * file for writing, and a verified backup (online backup, then integrity_check), which every
 * import waits for. On the sample registry (1,060 people) and on 100,000 people.
 */

async function registry(people: number): Promise<Backend> {
  const backend = await createBackend({ dataDir: tempDir('bench-safety-'), appRoot: REPO_ROOT, host: 'cli' });
  const sample = await backend.call('system.generateSampleData', { seed: 2023 });
  if (!sample.ok) throw new Error(sample.error.message);
  if (people > 1_060) addBulkPersonnel(backend.context.db, people - 1_060, backend.context.today());
  backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
  return backend;
}

function measuresFor(label: string, people: number, maxCheck: number, maxBackup: number): Measure[] {
  return [
    {
      name: `database.quick-check.${label}.ms`,
      description: `启动时的数据库快速检查（quick_check，只读连接，${people.toLocaleString('en-US')} 人，中位数）`,
      unit: 'ms',
      max: maxCheck,
      async run() {
        const backend = await registry(people);
        const file = backend.context.paths.databasePath;
        const ms = await medianMs(3, () => checkFile(file, 'quick'));
        backend.close();
        return ms;
      },
    },
    {
      name: `database.backup-verified.${label}.ms`,
      description: `一次经完整性检查的备份（在线备份 + integrity_check，${people.toLocaleString('en-US')} 人，中位数；每次导入前执行）`,
      unit: 'ms',
      max: maxBackup,
      async run() {
        const backend = await registry(people);
        const dir = path.join(tempDir('bench-safety-backups-'), 'backups');
        const ms = await medianMs(3, () => createBackup(backend.context.db, dir, 'manual'));
        backend.close();
        return ms;
      },
    },
  ];
}

export const measures: Measure[] = [...measuresFor('sample', 1_060, 300, 1_000), ...measuresFor('100k', 100_000, 5_000, 20_000)];
