import { z } from 'zod';
import { registrySettingsPatchSchema, registrySettingsSchema } from '../../domain/settings.ts';
import { defineMethods } from '../define.ts';

export const settingsMethods = defineMethods({
  'settings.get': {
    title: '读取设置',
    input: z.object({}).strict(),
    output: registrySettingsSchema,
  },
  'settings.update': {
    title: '保存设置',
    input: registrySettingsPatchSchema.strict(),
    output: registrySettingsSchema,
  },
});
