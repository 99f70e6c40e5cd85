import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api/methods/jobs.ts';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { api, ApiCallError, unwrap } from '../../api/client.ts';
import { stageFiles, type Gathered, type StageProgress } from './file-upload.ts';

/**
 * The files of the current import session: staged, checked as one job (progress, cancel), and
 * listed in the summary table. The list is the backend's (import.sessions): the checked files, with
 * the clerk's corrections, are there again after a visit to another page or a reload of the window.
 */

export type Phase = 'idle' | 'staging' | 'checking';

export interface ImportSession {
  files: FileCheck[];
  phase: Phase;
  staging: StageProgress | null;
  job: JobStatus | null;
  ignored: string[];
  error: string | null;
  start: (gathered: Gathered) => Promise<void>;
  cancel: () => void;
  replace: (file: FileCheck) => void;
  clear: () => void;
  reload: () => Promise<void>;
}

export function useImportSession(): ImportSession {
  const [files, setFiles] = useState<FileCheck[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [staging, setStaging] = useState<StageProgress | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);
  const cancelled = useRef(false);

  const reload = useCallback(async () => {
    const result = await api['import.sessions']({});
    if (result.ok) setFiles(result.value.files);
    else setError(result.error.message);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const start = useCallback(async (gathered: Gathered) => {
    setError(null);
    setIgnored(gathered.ignored);
    if (gathered.files.length === 0) {
      setError(gathered.ignored.length > 0 ? `所选内容中没有表格文件（.xlsx、.xls、.et、.ods、.csv），已忽略 ${gathered.ignored.length} 个其他文件。` : '没有选择文件。');
      return;
    }
    cancelled.current = false;
    setPhase('staging');
    try {
      const fileIds = await stageFiles(gathered.files, setStaging);
      if (cancelled.current) return;
      setPhase('checking');
      const { jobId } = await unwrap(api['import.check']({ fileIds }));
      jobRef.current = jobId;
      for (;;) {
        const status = await unwrap(api['jobs.get']({ jobId }));
        setJob(status);
        if (status.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const final = await unwrap(api['jobs.get']({ jobId }));
      if (final.state === 'done') {
        const result = await unwrap(api['import.checkResult']({ jobId }));
        // The new files on top, in the order they were handed over; the earlier ones below.
        setFiles((prev) => [...result.files, ...prev.filter((p) => !result.files.some((f) => f.checkId === p.checkId))]);
      } else if (final.state === 'failed') {
        setError(final.error?.message ?? '检查失败');
      }
    } catch (err) {
      setError(err instanceof ApiCallError ? err.error.message : err instanceof Error ? err.message : '检查失败');
    } finally {
      jobRef.current = null;
      setPhase('idle');
      setStaging(null);
      setJob(null);
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    const jobId = jobRef.current;
    if (jobId) void api['jobs.cancel']({ jobId });
  }, []);

  const replace = useCallback((file: FileCheck) => {
    setFiles((prev) => prev.map((f) => (f.checkId === file.checkId ? file : f)));
  }, []);

  const clear = useCallback(() => {
    setFiles((prev) => {
      void api['import.discard']({ checkIds: prev.map((f) => f.checkId) });
      return [];
    });
    setIgnored([]);
    setError(null);
  }, []);

  return { files, phase, staging, job, ignored, error, start, cancel, replace, clear, reload };
}
