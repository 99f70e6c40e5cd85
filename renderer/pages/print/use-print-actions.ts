import { App } from 'antd';
import { useState } from 'react';
import { api, errorMessage, isDesktop, unwrap } from '../../api/client.ts';

export type PrintBusy = 'print' | 'pdf' | 'xlsx' | null;

/**
 * The print preview's three actions, the same on every preview (rosters, letters, tables).
 * Desktop prints and saves PDF through Electron (webContents.print / printToPDF); the browser has
 * only its own print dialog, which also saves a PDF when told how.
 */
export function usePrintActions(): {
  busy: PrintBusy;
  print: () => Promise<void>;
  savePdf: (suggestedName: string) => Promise<void>;
  exportXlsx: (run: () => Promise<unknown>) => void;
} {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<PrintBusy>(null);

  const print = async () => {
    if (!isDesktop) {
      window.print();
      return;
    }
    setBusy('print');
    try {
      await unwrap(api['desktop.print']({ landscape: true }));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const savePdf = async (suggestedName: string) => {
    if (!isDesktop) {
      void message.info('请在打印对话框的“目标打印机”中选择“另存为 PDF”，再点“保存”', 6);
      window.print();
      return;
    }
    setBusy('pdf');
    try {
      const result = await unwrap(api['desktop.printToPdf']({ suggestedName, landscape: true }));
      if (result.saved) void message.success(`已保存：${result.path ?? ''}`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const exportXlsx = (run: () => Promise<unknown>) => {
    setBusy('xlsx');
    void run().finally(() => setBusy(null));
  };

  return { busy, print, savePdf, exportXlsx };
}
