import { createBackend } from '../../../electron/backend/backend.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { medianMs, type Measure } from '../measure.ts';

export const measures: Measure[] = [
  {
    name: 'sample-data.generate.ms',
    description: '在空白台账中生成示例数据（1,060 人、1,771 项事项）',
    unit: 'ms',
    max: 3000,
    async run() {
      const backend = await createBackend({ dataDir: tempDir(), appRoot: REPO_ROOT, host: 'cli' });
      const start = performance.now();
      const result = await backend.call('system.generateSampleData', { seed: 2023 });
      const ms = performance.now() - start;
      backend.close();
      if (!result.ok) throw new Error(result.error.message);
      return ms;
    },
  },
  {
    name: 'overview.get.ms',
    description: '概览统计（示例数据，中位数）',
    unit: 'ms',
    max: 100,
    async run() {
      const backend = await createBackend({ dataDir: tempDir(), appRoot: REPO_ROOT, host: 'cli' });
      await backend.call('system.generateSampleData', { seed: 2023 });
      const ms = await medianMs(20, () => backend.call('overview.get', {}));
      backend.close();
      return ms;
    },
  },
];
