import { parentPort } from 'node:worker_threads';
import { FileReadError } from './file-read-error.ts';
import { importLimits } from './import-limits.ts';
import type { ParseReply, ParseRequest } from './parse-protocol.ts';
import { parseWorkbook } from './parse-workbook.ts';

/**
 * The worker thread that parses every submitted workbook, so no file is ever parsed on the main
 * thread (in Electron, the main process): one request at a time (parse-protocol.ts), progress
 * messages and one answer out. It runs under a V8 heap cap set by parse-runner.ts; a file that
 * needs more ends the thread, and the runner starts a new one for the next file. The worker
 * stays alive between files (loading SheetJS takes a tenth of a second or more).
 */

const port = parentPort;
if (port) {
  port.on('message', (request: ParseRequest) => {
    const reply = (message: ParseReply) => port.postMessage(message);
    // Limits missing from an older caller take the defaults.
    const input = { ...request.input, limits: importLimits(request.input.limits) };
    parseWorkbook(request.bytes, input, (fraction, message) => reply({ id: request.id, type: 'progress', fraction, message })).then(
      (workbook) => reply({ id: request.id, type: 'done', workbook }),
      (err: unknown) => {
        if (err instanceof FileReadError) reply({ id: request.id, type: 'file-error', error: err.fileError });
        else reply({ id: request.id, type: 'crash', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
      },
    );
  });
}
