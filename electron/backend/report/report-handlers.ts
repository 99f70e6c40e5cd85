import type { reportMethods } from '../../../shared/api/methods/reports.ts';
import { writeAuditWorkbook } from '../audit/audit-workbook.ts';
import type { BackendContext } from '../context.ts';
import { computeDashboard } from '../dashboard/dashboard-service.ts';
import { zipFiles } from '../export/zip-files.ts';
import type { Handlers } from '../handler-types.ts';
import { recordAccess } from '../access/access-log.ts';
import { writeVerificationSet } from '../verification/verification-set.ts';
import { annualReport } from './annual-report-service.ts';

/** The overview's charts, the annual report's paragraphs, and the audit and verification workbooks (jobs). */

const AUDIT_JOB = 'audit';
const VERIFICATION_JOB = 'verification';

export function auditFileName(today: string): string {
  return `行政执法审核表_${today}.xlsx`;
}

interface AuditJobResult {
  fileId: string;
  name: string;
  people: number;
}

interface VerificationJobResult {
  files: { unitId: number; unitName: string; name: string; fileId: string; people: number; items: number; lists: number }[];
  zipFileId: string;
  zipName: string;
}

function startAudit(ctx: BackendContext, input: { year: number | null; fullIdNumbers: boolean; staleBefore: string | null }): string {
  const today = ctx.today();
  const settings = ctx.settings();
  const year = input.year ?? Number(today.slice(0, 4));
  return ctx.jobs.start(AUDIT_JOB, '正在生成审核表', async (control): Promise<AuditJobResult> => {
    const { bytes, people } = await writeAuditWorkbook({
      databasePath: ctx.paths.databasePath,
      today,
      year,
      settings,
      fullIdNumbers: input.fullIdNumbers,
      ...(input.staleBefore ? { staleBefore: input.staleBefore } : {}),
      signal: control.signal,
      progress: (fraction, message) => control.progress(fraction, message),
    });
    const name = auditFileName(today);
    const info = ctx.files.put(name, bytes);
    if (input.fullIdNumbers) recordAccess(ctx, { kind: 'export_full_ids', summary: `导出审核表（${year}年度），含 ${people} 人的完整身份证号` });
    return { fileId: info.fileId, name: info.name, people };
  });
}

function startVerification(ctx: BackendContext): string {
  const today = ctx.today();
  return ctx.jobs.start(VERIFICATION_JOB, '正在生成核对表', async (control): Promise<VerificationJobResult> => {
    const written: { name: string; bytes: Buffer; fileId: string }[] = [];
    const files = await writeVerificationSet({
      databasePath: ctx.paths.databasePath,
      today,
      signal: control.signal,
      progress: (fraction, message) => control.progress(fraction * 0.95, message),
      save: (name, bytes) => {
        written.push({ name, bytes, fileId: ctx.files.put(name, bytes).fileId });
      },
    });
    control.progress(0.97, '正在打包');
    const zipName = `各单位核对表_${today}.zip`;
    const zip = ctx.files.put(zipName, zipFiles(written));
    const people = files.reduce((n, f) => n + f.people, 0);
    // The verification sheets carry full ID numbers: the import is keyed by them.
    recordAccess(ctx, { kind: 'export_full_ids', summary: `生成 ${files.length} 个单位的核对表，含 ${people} 人的完整身份证号` });
    return { files: files.map((f, i) => ({ ...f, fileId: written[i]?.fileId ?? '' })), zipFileId: zip.fileId, zipName };
  });
}

export const reportHandlers = {
  'dashboard.get': ({ staleBefore }, ctx) => computeDashboard(ctx.db, ctx.today(), ctx.settings(), staleBefore),
  'report.annual': ({ year }, ctx) => annualReport(ctx.db, year, ctx.today(), ctx.settings()),
  'audit.start': (input, ctx) => ({ jobId: startAudit(ctx, input) }),
  'audit.result': ({ jobId }, ctx) => ctx.jobs.result<AuditJobResult>(jobId, AUDIT_JOB),
  'verification.start': (_input, ctx) => ({ jobId: startVerification(ctx) }),
  'verification.result': ({ jobId }, ctx) => ctx.jobs.result<VerificationJobResult>(jobId, VERIFICATION_JOB),
} satisfies Handlers<typeof reportMethods>;
