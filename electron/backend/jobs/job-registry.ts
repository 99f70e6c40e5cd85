import crypto from 'node:crypto';
import { AppError } from '../../../shared/api/errors.ts';
import type { JobStatus } from '../../../shared/api/methods/jobs.ts';

export interface JobControl {
  /** 0..1 and a Chinese line for the progress bar. */
  progress(fraction: number, message?: string): void;
  readonly signal: AbortSignal;
}

interface JobRecord {
  status: JobStatus;
  abort: AbortController;
  result: unknown;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

/** Long-running work with progress and cancel; the UI polls `jobs.get`. */
export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  start<T>(kind: string, message: string, run: (control: JobControl) => Promise<T>): string {
    this.prune();
    const jobId = crypto.randomBytes(12).toString('hex');
    const abort = new AbortController();
    const record: JobRecord = {
      status: { jobId, kind, state: 'running', progress: 0, message, error: null },
      abort,
      result: undefined,
      finishedAt: null,
    };
    this.jobs.set(jobId, record);
    const control: JobControl = {
      signal: abort.signal,
      progress: (fraction, msg) => {
        if (record.status.state !== 'running') return;
        record.status.progress = Math.max(0, Math.min(1, fraction));
        if (msg !== undefined) record.status.message = msg;
      },
    };
    void Promise.resolve()
      .then(() => run(control))
      .then(
        (result) => {
          if (record.status.state === 'cancelled') return;
          record.result = result;
          record.status = { ...record.status, state: 'done', progress: 1 };
        },
        (err: unknown) => {
          if (record.status.state === 'cancelled') return;
          const error = err instanceof AppError ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: '处理过程中发生内部错误，未作任何修改' };
          record.status = { ...record.status, state: err instanceof AppError && err.code === 'CANCELLED' ? 'cancelled' : 'failed', error };
        },
      )
      .finally(() => {
        record.finishedAt = Date.now();
      });
    return jobId;
  }

  status(jobId: string): JobStatus {
    return { ...this.record(jobId).status };
  }

  cancel(jobId: string): JobStatus {
    const record = this.record(jobId);
    if (record.status.state === 'running') {
      record.abort.abort();
      record.status = { ...record.status, state: 'cancelled', message: '已取消', error: { code: 'CANCELLED', message: '已取消' } };
    }
    return { ...record.status };
  }

  /** The finished job's result; throws a clear error while it runs or when it failed. */
  result<T>(jobId: string, kind: string): T {
    const record = this.record(jobId);
    if (record.status.kind !== kind) throw new AppError('NOT_FOUND', '任务类型不符');
    if (record.status.state === 'running') throw new AppError('CONFLICT', '任务尚未完成');
    if (record.status.state !== 'done') throw new AppError(record.status.state === 'cancelled' ? 'CANCELLED' : 'INTERNAL', record.status.error?.message ?? '任务未完成');
    return record.result as T;
  }

  /** Waits for a job to finish (command line and tests). */
  async wait(jobId: string): Promise<JobStatus> {
    for (;;) {
      const status = this.status(jobId);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private record(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (!record) throw new AppError('NOT_FOUND', '任务不存在或已过期');
    return record;
  }

  private prune(now = Date.now()): void {
    for (const [id, record] of this.jobs) {
      if (record.finishedAt !== null && now - record.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}
