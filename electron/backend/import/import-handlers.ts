import type { importMethods } from '../../../shared/api/methods/import.ts';
import { countyNameOf } from '../../../shared/domain/settings.ts';
import { backupBeforeImport } from '../backups/backup-actions.ts';
import type { Handlers } from '../handler-types.ts';
import { commitFile } from './commit-import.ts';
import { buildErrorWorkbook } from './error-workbook.ts';
import { listBatches, undoBatch } from './import-batches.ts';
import {
  checkPastedText,
  checkStagedFiles,
  confirmTransfer,
  editCell,
  envOf,
  excludeRow,
  fileCheck,
  fillEmpty,
  recheck,
  rowsPage,
  sessionFiles,
  setFileOptions,
  setSheetOptions,
  setUnitToAdd,
} from './import-service.ts';
import { dropSession, forgetCommit, getSession, peekSession } from './import-sessions.ts';
import { buildTemplate } from './templates.ts';

const CHECK_JOB = 'import.check';

export const importHandlers = {
  'import.check': ({ fileIds, encoding, agencyUnitId }, ctx) => {
    for (const id of fileIds) ctx.files.info(id);
    const jobId = ctx.jobs.start(CHECK_JOB, `正在检查 ${fileIds.length} 个文件`, (control) => checkStagedFiles(ctx, fileIds, { encoding, agencyUnitId }, control));
    return { jobId };
  },
  'import.checkText': ({ text }, ctx) => checkPastedText(ctx, text),
  'import.sessions': (_input, ctx) => ({ files: sessionFiles(ctx) }),
  'import.checkResult': ({ jobId }, ctx) => ({ files: ctx.jobs.result(jobId, CHECK_JOB) }),
  'import.file': ({ checkId }, ctx) => fileCheck(ctx, checkId),
  'import.rows': ({ checkId, sheetIndex, offset, limit, filter }, ctx) => rowsPage(ctx, checkId, sheetIndex, offset, limit, filter),
  'import.editCell': ({ checkId, sheetIndex, row, field, value }, ctx) => editCell(ctx, checkId, sheetIndex, row, field, value),
  'import.excludeRow': ({ checkId, sheetIndex, row, excluded }, ctx) => excludeRow(ctx, checkId, sheetIndex, row, excluded),
  'import.confirmTransfer': ({ checkId, sheetIndex, row, confirmed }, ctx) => confirmTransfer(ctx, checkId, sheetIndex, row, confirmed),
  'import.fillEmpty': ({ checkId, field, value, sheetIndex, rows }, ctx) => fillEmpty(ctx, checkId, { field, value, sheetIndex, rows }),
  'import.setUnitToAdd': ({ checkId, ...decision }, ctx) => setUnitToAdd(ctx, checkId, decision),
  'import.setSheetOptions': ({ checkId, sheetIndex, kind, unitId, mapping, remember }, ctx) => setSheetOptions(ctx, checkId, sheetIndex, { kind, unitId, mapping, remember }),
  'import.setFileOptions': ({ checkId, encoding, agencyUnitId }, ctx) => setFileOptions(ctx, checkId, { encoding, agencyUnitId }),
  'import.recheck': ({ checkId }, ctx) => recheck(ctx, checkId),
  'import.commit': async (input, ctx) => {
    await backupBeforeImport(ctx);
    const result = commitFile(ctx, input);
    // The agency's file has done its work: it is not kept in the data folder.
    ctx.files.remove(getSession(ctx, input.checkId).fileId);
    return result;
  },
  'import.batches': ({ limit }, ctx) => ({ batches: listBatches(ctx, limit) }),
  'import.undoBatch': ({ batchId }, ctx) => {
    const result = undoBatch(ctx, batchId);
    forgetCommit(ctx, batchId);
    return result;
  },
  'import.errorWorkbook': async ({ checkId }, ctx) => {
    const state = getSession(ctx, checkId);
    const { name, bytes } = await buildErrorWorkbook(state, new Date().toLocaleString('zh-CN', { hour12: false }), envOf(ctx));
    const info = ctx.files.putExport(name, bytes);
    return { fileId: info.fileId, name: info.name };
  },
  'import.template': async ({ kind }, ctx) => {
    const { name, bytes } = await buildTemplate(ctx.db, kind, countyNameOf(ctx.settings()));
    const info = ctx.files.putExport(name, bytes);
    return { fileId: info.fileId, name: info.name };
  },
  'import.discard': ({ checkIds }, ctx) => {
    for (const id of checkIds) {
      const fileId = peekSession(ctx, id)?.fileId;
      dropSession(ctx, id);
      if (fileId) ctx.files.remove(fileId);
    }
    return { discarded: checkIds.length };
  },
} satisfies Handlers<typeof importMethods>;
