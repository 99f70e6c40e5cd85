import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/methods/jobs.ts';
import { api, ApiCallError, unwrap } from '../../api/client.ts';

export interface JobRun {
  /** The running (or last) job's status; null before the first run. */
  status: JobStatus | null;
  running: boolean;
  error: string | null;
  /** Starts a job and waits for it; resolves to true when it finished (false: failed or cancelled). */
  run: (start: () => Promise<{ jobId: string }>) => Promise<{ jobId: string; done: boolean }>;
  cancel: () => void;
}

const POLL_MS = 250;

/** A backend job with its progress bar and 取消 (jobs.get / jobs.cancel), as the import's check uses them. */
export function useJob(): JobRun {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Leaving the page stops what nobody will collect.
      if (current.current) void api['jobs.cancel']({ jobId: current.current });
    };
  }, []);

  const run = useCallback(async (start: () => Promise<{ jobId: string }>) => {
    setError(null);
    setRunning(true);
    let jobId = '';
    try {
      ({ jobId } = await start());
      current.current = jobId;
      for (;;) {
        const s = await unwrap(api['jobs.get']({ jobId }));
        if (mounted.current) setStatus(s);
        if (s.state !== 'running') {
          if (s.state === 'failed' && mounted.current) setError(s.error?.message ?? '处理失败');
          return { jobId, done: s.state === 'done' };
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (err) {
      if (mounted.current) setError(err instanceof ApiCallError ? err.error.message : '处理失败');
      return { jobId, done: false };
    } finally {
      current.current = null;
      if (mounted.current) setRunning(false);
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current) void api['jobs.cancel']({ jobId: current.current });
  }, []);

  return { status, running, error, run, cancel };
}
