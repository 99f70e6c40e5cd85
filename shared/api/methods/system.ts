import { z } from 'zod';
import { defineMethods } from '../define.ts';

export const appInfoSchema = z.object({
  appName: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  databasePath: z.string(),
  /** Where the automatic copies taken before a database upgrade go. */
  backupDir: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  /** The running program's `process.platform` and `process.arch` (for the desktop program: the installer's). */
  platform: z.string(),
  arch: z.string(),
  today: z.string(),
  /** True when the registry holds no units yet: the UI then offers sample data, setting up the bureau, and import. */
  isEmpty: z.boolean(),
  /** True when the registry holds the generated sample data (for training): the UI marks it as such. */
  hasSampleData: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const systemMethods = defineMethods({
  'system.info': {
    title: '读取程序信息',
    input: z.object({}).strict(),
    output: appInfoSchema,
  },
  'system.generateSampleData': {
    title: '生成示例数据',
    input: z
      .object({
        seed: z.number().int().min(1).max(2_147_483_647).default(2023),
      })
      .strict(),
    output: z.object({
      units: z.number().int(),
      personnel: z.number().int(),
      inspectionItems: z.number().int(),
      listItems: z.number().int(),
    }),
  },
});
