import { App } from 'antd';
import { useCallback } from 'react';
import type { RosterRequestInput } from '../../../shared/api/methods/rosters.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';

/** Saves a staged export through the browser's download (Electron shows its save dialog for it). */
export async function saveStagedFile(fileId: string): Promise<string> {
  const file = await unwrap(api['files.get']({ fileId }));
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.name;
}

export async function downloadRosterXlsx(request: RosterRequestInput): Promise<{ name: string; rows: number }> {
  const { fileId, rows } = await unwrap(api['rosters.exportXlsx'](request));
  const name = await saveStagedFile(fileId);
  return { name, rows };
}

/** The same, with the clerk told what happened. */
export function useRosterDownload(): (request: RosterRequestInput) => Promise<void> {
  const { message } = App.useApp();
  return useCallback(
    async (request) => {
      try {
        const { name, rows } = await downloadRosterXlsx(request);
        void message.success(`已导出“${name}”（${rows} ${request.kind === 'publication-notice' ? '个单位' : '人'}）`);
      } catch (err) {
        void message.error(errorMessage(err));
      }
    },
    [message],
  );
}
