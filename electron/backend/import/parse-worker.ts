import { parentPort } from 'node:worker_threads';
import { FileReadError, parseWorkbook, type ParseInput } from './parse-workbook.ts';

/**
 * The worker thread that parses submitted workbooks, so a 20 MB file never freezes the window.
 * One request at a time: { id, bytes, input } in; progress messages and one result (or error) out.
 * The worker stays alive between files (loading SheetJS takes ~0.1 s) and is terminated to cancel.
 */

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  input: ParseInput;
}

export type ParseReply =
  | { id: number; type: 'progress'; fraction: number; message: string }
  | { id: number; type: 'done'; workbook: Awaited<ReturnType<typeof parseWorkbook>> }
  | { id: number; type: 'file-error'; code: string; message: string }
  | { id: number; type: 'crash'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (request: ParseRequest) => {
    const reply = (message: ParseReply) => port.postMessage(message);
    parseWorkbook(request.bytes, request.input, (fraction, message) => reply({ id: request.id, type: 'progress', fraction, message })).then(
      (workbook) => reply({ id: request.id, type: 'done', workbook }),
      (err: unknown) => {
        if (err instanceof FileReadError) reply({ id: request.id, type: 'file-error', code: err.fileError.code, message: err.fileError.message });
        else reply({ id: request.id, type: 'crash', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
      },
    );
  });
}
