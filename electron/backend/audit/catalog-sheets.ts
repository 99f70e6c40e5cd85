import type { AgencySummary } from '../../../shared/api/methods/catalog.ts';
import { comparePublishedAgencies, difference, resolveUnitName, type UnitNames } from '../../../shared/domain/catalog-statistics.ts';
import { LIST_KIND_SHORT_LABELS, LIST_KINDS } from '../../../shared/domain/list-kinds.ts';
import type { FigureKey } from '../../../shared/domain/reported-figures.ts';
import { agencySummaries, registryTotals } from '../catalog/statistics-service.ts';
import type { Db } from '../db/open-database.ts';
import type { CellValue, TableRow, TableSheetSpec } from '../export/xlsx-writer.ts';
import { codeColumn, countColumn, dateColumn, labelColumn, seqColumn, textColumn } from './audit-columns.ts';
import { sheetTitle, signatureLines, type AuditContext } from './audit-context.ts';

/**
 * Per agency: the inspection catalog (一般 / 重点), the four lists, and the publication documents.
 * Totals count every row of the tables (as 统计与核对 and 概览 do), set beside the report's figures.
 */

function agenciesOf(ctx: AuditContext): AgencySummary[] {
  return agencySummaries(ctx.db, ctx.today, ctx.settings.publicationWarningDays);
}

/** The total row, the report's row and the difference row for these figure keys. */
function reportRows(ctx: AuditContext, keys: readonly FigureKey[], label: string, extra: Record<string, CellValue> = {}): TableRow[] {
  const totals = registryTotals(ctx.db);
  const rows: TableRow[] = [{ values: { agency: label, ...Object.fromEntries(keys.map((k) => [k, totals[k]])), ...extra }, role: 'total' }];
  const report = ctx.reported;
  if (!report) return rows;
  rows.push({ values: { agency: `${report.year}年报告数`, ...Object.fromEntries(keys.map((k) => [k, report.totals[k]])) }, role: 'reported' });
  rows.push({ values: { agency: '差额（台账−报告）', ...Object.fromEntries(keys.map((k) => [k, difference(totals[k], report.totals[k])])) }, role: 'difference' });
  return rows;
}

function reportNote(ctx: AuditContext): string[] {
  return ctx.reported ? [`报告数取自《${ctx.reported.source}》；差额＝台账数−报告数，不一致的以红色标出，台账数字未作调整。合计含全部事项（包括非执法主体名下的事项）。`] : [];
}

function agencyColumn(agencies: readonly AgencySummary[]) {
  return textColumn('agency', '执法单位', agencies.map((a) => a.name).concat(['差额（台账−报告）']), 14, 30);
}

export function itemsSheet(ctx: AuditContext): TableSheetSpec {
  const agencies = agenciesOf(ctx);
  const largest = Math.max(9999, registryTotals(ctx.db).items);
  const rows: TableRow[] = agencies.map((a, i) => ({ values: { seq: i + 1, agency: a.name, general: a.counts.general, key: a.counts.key, items: a.counts.items } }));
  rows.push(...reportRows(ctx, ['general', 'key', 'items'], `合计（${agencies.length}个执法单位）`));
  return {
    name: '检查事项统计',
    title: sheetTitle(ctx, '分类检查事项统计表'),
    subtitles: [`各执法单位分类检查事项目录中的事项数（一般检查事项、重点检查事项）。`],
    columns: [seqColumn(agencies.length), agencyColumn(agencies), countColumn('general', '一般检查事项', largest), countColumn('key', '重点检查事项', largest), countColumn('items', '合计', largest)],
    rows,
    orientation: 'portrait',
    footerLines: signatureLines(reportNote(ctx)),
  };
}

export function listsSheet(ctx: AuditContext): TableSheetSpec {
  const agencies = agenciesOf(ctx);
  const largest = 99999;
  const rows: TableRow[] = agencies.map((a, i) => ({
    values: { seq: i + 1, agency: a.name, ...Object.fromEntries(LIST_KINDS.map((k) => [k, a.counts[k]])), sum: LIST_KINDS.reduce((n, k) => n + a.counts[k], 0) },
  }));
  const totals = registryTotals(ctx.db);
  rows.push(...reportRows(ctx, LIST_KINDS, `合计（${agencies.length}个执法单位）`, { sum: LIST_KINDS.reduce((n, k) => n + totals[k], 0) }));
  return {
    name: '四项清单统计',
    title: sheetTitle(ctx, '“四项清单”统计表'),
    subtitles: ['不予处罚、从轻处罚、减轻处罚事项清单和不予实施行政强制措施事项清单的事项数。'],
    columns: [seqColumn(agencies.length), agencyColumn(agencies), ...LIST_KINDS.map((k) => countColumn(k, LIST_KIND_SHORT_LABELS[k], largest)), countColumn('sum', '合计', largest)],
    rows,
    orientation: 'portrait',
    footerLines: signatureLines(reportNote(ctx)),
  };
}

function unitNames(db: Db): UnitNames[] {
  const units = db.prepare(`SELECT id, name, short_name FROM units`).all() as { id: number; name: string; short_name: string | null }[];
  const aliases = db.prepare(`SELECT unit_id, alias FROM unit_aliases`).all() as { unit_id: number; alias: string }[];
  return units.map((u) => ({ id: u.id, name: u.name, shortName: u.short_name, aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias) }));
}

export function publicationsSheet(ctx: AuditContext): TableSheetSpec {
  const agencies = agenciesOf(ctx);
  const names = unitNames(ctx.db);
  const report = ctx.reported;
  const named = new Set((report?.publishedAgencies ?? []).map((w) => resolveUnitName(w, names)).filter((id): id is number => id !== null));
  const published = agencies.filter((a) => a.publication.status === '已发布');
  const rows: TableRow[] = agencies.map((a, i) => {
    const doc = a.publication.latest;
    const remark = [
      a.publication.expiringSoon && a.publication.daysLeft !== null ? `${a.publication.daysLeft} 天后到期` : '',
      report && named.has(a.unitId) && a.publication.status !== '已发布' ? `${report.year}年报告列为已发布` : '',
      report && !named.has(a.unitId) && a.publication.status === '已发布' ? `${report.year}年报告未列入` : '',
    ].filter(Boolean);
    return {
      values: {
        seq: i + 1,
        agency: a.name,
        status: a.publication.status,
        docNumber: doc?.docNumber ?? null,
        publishDate: doc?.publishDate ?? null,
        validFrom: doc?.validFrom ?? null,
        validTo: doc?.validTo ?? null,
        named: report ? (named.has(a.unitId) ? '是' : '否') : null,
        remark: remark.join('；'),
      },
      ...(a.publication.status !== '已发布' || remark.length > 0 ? { marks: { status: { level: a.publication.status === '已发布' ? 'warning' : 'alert' } } } : {}),
    };
  });
  rows.push({ values: { agency: `已发布（${agencies.length}个执法单位中）`, status: `${published.length}个` }, role: 'total' });
  const notes: string[] = [];
  if (report && report.published !== null) {
    const diff = published.length - report.published;
    rows.push({ values: { agency: `${report.year}年报告数`, status: `${report.published}个` }, role: 'reported' });
    rows.push({
      values: { agency: '差额（台账−报告）', status: diff === 0 ? '一致' : `${diff > 0 ? '+' : ''}${diff}个` },
      role: 'difference',
      ...(diff !== 0 ? { marks: { status: { level: 'alert' } } } : {}),
    });
    const comparison = comparePublishedAgencies(report.publishedAgencies, names, new Set(published.map((a) => a.unitId)));
    if (comparison.unresolved.length > 0) notes.push(`报告所列单位中无法对应到单位名单的：${comparison.unresolved.join('、')}（可在 设置 › 单位管理 中补充别名）。`);
    notes.push(`报告数取自《${report.source}》；状态按各单位最近一份发布文件判定（已废止或超过有效期的为已失效）。`);
  }
  return {
    name: '发布情况',
    title: sheetTitle(ctx, '“一目录四清单”发布情况表'),
    subtitles: [`各执法单位以规范性文件发布“一目录四清单”的情况：最近一份文件的文号、发布日期和有效期。`],
    columns: [
      seqColumn(agencies.length),
      agencyColumn(agencies),
      labelColumn('status', '状态', ['已发布', '已失效']),
      codeColumn(
        'docNumber',
        '文号',
        agencies.map((a) => a.publication.latest?.docNumber ?? ''),
        10,
        26,
      ),
      dateColumn('publishDate', '发布日期'),
      dateColumn('validFrom', '有效期自'),
      dateColumn('validTo', '有效期至'),
      labelColumn('named', report ? `${report.year}年报告列为已发布` : '报告列为已发布', ['是'], 8, 10),
      textColumn(
        'remark',
        '备注',
        rows.map((r) => String(r.values['remark'] ?? '')),
        10,
        24,
      ),
    ],
    rows,
    footerLines: signatureLines(notes),
  };
}
