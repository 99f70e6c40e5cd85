import { z } from 'zod';
import { defineMethods } from '../define.ts';

/**
 * Slow work (parsing a large workbook, writing a big export) runs as a job: the call that starts
 * it returns a job id at once, the UI polls progress and may cancel.
 */
export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

export const jobStatusSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  message: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

const jobIdSchema = z.string().regex(/^[a-f0-9]{16,32}$/, '任务编号无效');

export const jobMethods = defineMethods({
  'jobs.get': {
    title: '查询任务进度',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: jobStatusSchema,
  },
  'jobs.cancel': {
    title: '取消任务',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: jobStatusSchema,
  },
});
