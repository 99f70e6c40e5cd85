import { z } from 'zod';
import { defineMethods } from '../define.ts';

/**
 * Capabilities only the desktop shell has. The backend answers UNSUPPORTED; Electron's main
 * process registers its own handler instead. In the browser the UI uses the browser's print
 * dialog (which can also save as PDF).
 */
export const desktopMethods = defineMethods({
  'desktop.printToPdf': {
    title: '另存为 PDF',
    input: z
      .object({
        suggestedName: z.string().trim().min(1).max(120),
        landscape: z.boolean().default(true),
      })
      .strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'desktop.saveFilesToFolder': {
    title: '保存到文件夹',
    input: z
      .object({
        fileIds: z
          .array(z.string().regex(/^[a-f0-9]{32}$/, '文件编号无效'))
          .min(1)
          .max(1000),
      })
      .strict(),
    /** The folder is the clerk's choice in the desktop's folder picker; null when they cancelled. */
    output: z.object({ saved: z.boolean(), folder: z.string().nullable(), count: z.number().int() }),
  },
  'desktop.print': {
    title: '打印',
    input: z.object({ landscape: z.boolean().default(true) }).strict(),
    output: z.object({ printed: z.boolean() }),
  },
  /** 设置 › 备份与恢复 › 备份到其他位置: the folder picker, then a verified backup into that folder (a USB stick). */
  'desktop.backupToFolder': {
    title: '备份到其他位置',
    input: z.object({}).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
});
