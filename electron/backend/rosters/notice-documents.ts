import type { RosterColumn, RosterDocument, RosterRequest } from '../../../shared/api/methods/rosters.ts';
import { formatChineseDate } from '../../../shared/domain/dates.ts';
import { CATALOG_KINDS, RECORD_KIND_LABELS, type CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { NOTICE_TITLES, noticeContactLine, publicationNotice, renewalNotice, trainingNotice, type NoticeContext, type NoticeLetter } from '../../../shared/domain/notice-letters.ts';
import { documentsByUnit, listAgencies, publicationState } from '../catalog/publications-service.ts';
import type { Db } from '../db/open-database.ts';
import type { RosterContext } from './roster-documents.ts';

/**
 * The letters to units (换证通知, 参训督促通知, 督办通知) as printable documents: a section per unit,
 * each a letter (its text from shared/domain/notice-letters.ts) followed by its list, numbered
 * page by page within the unit. The people letters reuse the rosters' rows, so a letter lists
 * exactly whom the roster with the same selection lists.
 */

type Rows = Record<string, string>[];
type Section = RosterDocument['sections'][number];

function noticeContext(ctx: RosterContext): NoticeContext {
  return { settings: ctx.settings, today: ctx.today };
}

/** The roster's rows grouped by their unit, in the roster's (unit) order, numbered from 1 in each unit. */
function rowsByUnit(rows: Rows): [string, Rows][] {
  const groups = new Map<string, Rows>();
  for (const row of rows) {
    const unit = row['unit'] ?? '';
    const list = groups.get(unit) ?? [];
    list.push({ ...row, seq: String(list.length + 1) });
    groups.set(unit, list);
  }
  return [...groups.entries()];
}

/** A document of letters: no signature blanks, the bureau as issuer under each letter, pages counted per letter. */
function letters(base: RosterDocument, kind: RosterDocument['kind'], title: string, sections: Section[], ctx: RosterContext, emptyText: string): RosterDocument {
  return {
    ...base,
    kind,
    title,
    sections: sections.length > 0 ? sections : [{ heading: null, rows: [], signed: false }],
    signatureItems: [],
    issuer: ctx.settings.bureauName,
    footnote: noticeContactLine(noticeContext(ctx)),
    pageNumbering: 'section',
    emptyText,
  };
}

function peopleLetters(
  roster: RosterDocument,
  kind: 'renewal-notice' | 'training-notice',
  title: string,
  listName: string,
  letterOf: (unit: string, people: number) => NoticeLetter,
  ctx: RosterContext,
): RosterDocument {
  const groups = rowsByUnit(roster.sections.flatMap((s) => s.rows));
  const dated = `制表日期：${formatChineseDate(ctx.today)}`;
  const selection = roster.subtitle
    .split('　　')
    .filter((part) => !part.startsWith('制表日期') && !/^共 \d+ 人$/.test(part))
    .join('　　');
  return {
    ...letters(
      roster,
      kind,
      title,
      groups.map(([unit, rows]) => ({
        heading: `单位：${unit}（${rows.length} 人）`,
        subtitle: [`附：${listName}（共 ${rows.length} 人）`, selection, dated].filter(Boolean).join('　　'),
        rows,
        signed: false,
        letter: letterOf(unit, rows.length),
      })),
      ctx,
      '没有需要通知的人员',
    ),
    // The unit is the letter's addressee: the column would repeat it on every row.
    columns: roster.columns.filter((c) => c.key !== 'unit'),
    subtitle: [dated, selection, `共 ${groups.length} 个单位 ${roster.total} 人`].filter(Boolean).join('　　'),
  };
}

export function renewalNoticeDocument(roster: RosterDocument, ctx: RosterContext): RosterDocument {
  return peopleLetters(roster, 'renewal-notice', NOTICE_TITLES.renewal, '需办理换证人员名单', (unit, n) => renewalNotice(noticeContext(ctx), unit, n), ctx);
}

export function trainingNoticeDocument(roster: RosterDocument, year: number, ctx: RosterContext): RosterDocument {
  return peopleLetters(roster, 'training-notice', NOTICE_TITLES.training, `${year}年度培训学时不足人员名单`, (unit, n) => trainingNotice(noticeContext(ctx), unit, n, year), ctx);
}

const PUBLICATION_COLUMNS: RosterColumn[] = [
  { key: 'seq', header: '序号', weight: 5, xlsxWidth: 6, align: 'center', nowrap: true, cell: 'integer' },
  { key: 'item', header: '目录、清单及公布文件', weight: 26, xlsxWidth: 30, align: 'left', nowrap: false, cell: 'general' },
  { key: 'entries', header: '台账中条目数', weight: 10, xlsxWidth: 12, align: 'center', nowrap: true, cell: 'integer' },
  { key: 'state', header: '目前情况', weight: 31, xlsxWidth: 34, align: 'left', nowrap: false, cell: 'general' },
  { key: 'todo', header: '需要办理', weight: 28, xlsxWidth: 30, align: 'left', nowrap: false, cell: 'general' },
];

/** 督办通知: every agency (or those asked for) whose catalog and lists are not published, or no longer. */
export function publicationNoticeDocument(db: Db, request: Extract<RosterRequest, { kind: 'publication-notice' }>, ctx: RosterContext): RosterDocument {
  const { today, settings } = ctx;
  const docs = documentsByUnit(db);
  const counts = new Map<string, number>();
  for (const r of db.prepare(`SELECT unit_id, 'inspection_items' AS kind, count(*) AS n FROM inspection_items GROUP BY unit_id`).all() as { unit_id: number; kind: string; n: number }[]) {
    counts.set(`${r.unit_id}:${r.kind}`, r.n);
  }
  for (const r of db.prepare(`SELECT unit_id, list_kind AS kind, count(*) AS n FROM penalty_list_items GROUP BY unit_id, list_kind`).all() as { unit_id: number; kind: string; n: number }[]) {
    counts.set(`${r.unit_id}:${r.kind}`, r.n);
  }
  const asked = new Set(request.unitIds);
  const sections: Section[] = [];
  for (const agency of listAgencies(db)) {
    if (asked.size > 0 && !asked.has(agency.id)) continue;
    const state = publicationState(docs.get(agency.id), today, settings.publicationWarningDays);
    if (state.status === '已发布') continue;
    const latest = state.latest;
    const lapsed = latest && state.status === '已失效' ? (latest.revoked ? null : latest.validTo) : null;
    const rows: Rows = CATALOG_KINDS.map((kind: CatalogKind) => {
      const n = counts.get(`${agency.id}:${kind}`) ?? 0;
      return {
        item: RECORD_KIND_LABELS[kind],
        entries: String(n),
        state: n === 0 ? '尚未报送，台账中没有条目' : state.status === '未发布' ? `已报送 ${n} 条，尚未公布` : `已报送 ${n} 条，公布文件已失效`,
        todo:
          n === 0 ? (kind === 'inspection_items' ? '编制目录，报送并公布' : '编制清单（确无相关事项的书面说明），报送并公布') : state.status === '未发布' ? '以规范性文件公布' : '核对更新后重新公布',
      };
    });
    rows.push({
      item: '公布文件',
      entries: '',
      state: latest
        ? `${latest.docNumber}（${formatChineseDate(latest.publishDate)}发布）${latest.revoked ? '已废止' : latest.validTo ? `，有效期至 ${formatChineseDate(latest.validTo)}` : ''}${state.status === '未发布' ? '，尚未生效' : ''}`
        : '没有公布文件',
      todo: latest ? '重新制发公布文件并报送备案' : '制发公布文件并报送备案',
    });
    sections.push({
      heading: `单位：${agency.name}`,
      subtitle: [`附：一目录四清单公布情况（${state.status}）`, `制表日期：${formatChineseDate(today)}`].join('　　'),
      rows: rows.map((r, i) => ({ seq: String(i + 1), ...r })),
      signed: false,
      letter: publicationNotice(noticeContext(ctx), agency.name, state.status === '已失效' ? '已失效' : '未发布', lapsed),
    });
  }
  const base: RosterDocument = {
    kind: 'publication-notice',
    title: NOTICE_TITLES.publication,
    bureauName: settings.bureauName,
    date: today,
    subtitle: [`制表日期：${formatChineseDate(today)}`, '未公布或公布文件已失效的行政执法机关', `共 ${sections.length} 个单位`].join('　　'),
    columns: PUBLICATION_COLUMNS,
    sections: [],
    total: sections.length,
    signatureItems: [],
    issuer: settings.bureauName,
    fullIdNumbers: false,
    certificateIds: [],
    footnote: null,
  };
  return letters(base, 'publication-notice', NOTICE_TITLES.publication, sections, ctx, '所有行政执法机关均已公布一目录四清单');
}
