import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { pdfImages, pdfPages, toPdf } from '../helpers/office.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * The audit workbook as LibreOffice Calc prints it (PDF): every sheet fitted to the page width with
 * no column cut off, the header on every page, 第 X 页 共 Y 页, ID numbers and dates on one line,
 * and the signature block never alone on a page. The pages are also written as images to
 * test-results/audit-pages/ for a person to look at.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;
const IMAGES = path.join(REPO_ROOT, 'test-results', 'audit-pages');

let backend: Backend;
let pages: string[];
let pdf: string;

/** A page's text without white space (a long title may wrap onto two lines). */
const squeeze = (page: string) => page.replace(/\s+/g, '');

/** Pages of one sheet: from the page with its title up to the next sheet's title. */
function sheetPages(title: string, nextTitle: string | null): string[] {
  const first = pages.findIndex((p) => squeeze(p).includes(title));
  const next = nextTitle ? pages.findIndex((p) => squeeze(p).includes(nextTitle)) : pages.length;
  expect(first, title).toBeGreaterThanOrEqual(0);
  return pages.slice(first, next);
}

/** Lines of a page that are table rows: a row number or a total, then more cells. */
function tableRows(page: string): string[] {
  return page.split('\n').filter((line) => /^\s*(\d+\s+\S|合计|市直单位小计|乡镇（街道）小计|已发布（|差额|\d{4}年报告数)/.test(line));
}

const TITLES = [
  '行政执法人员及证件情况汇总表',
  '行政执法人员明细表',
  '行政执法证件换证人员名册',
  '行政执法证件注销及公示情况表',
  '分类检查事项统计表',
  '“四项清单”统计表',
  '“一目录四清单”发布情况表',
  '台账数据问题清单',
];

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  const { jobId } = await callOk<{ jobId: string }>(backend, 'audit.start', {});
  await backend.context.jobs.wait(jobId);
  const { fileId } = await callOk<{ fileId: string }>(backend, 'audit.result', { jobId });
  const xlsx = path.join(tempDir('audit-print-'), 'audit.xlsx');
  fs.writeFileSync(xlsx, backend.context.files.read(fileId));
  pdf = toPdf(xlsx);
  pages = pdfPages(pdf);
}, 300_000);
afterAll(() => backend.close());

describe('the audit workbook on paper (LibreOffice)', () => {
  it('numbers every page 第 X 页 共 Y 页 and prints each sheet’s title once', () => {
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
    for (const t of TITLES)
      expect(
        pages.filter((p) => squeeze(p).includes(`沅江市司法局${t}（截至2026年11月29日）`)),
        t,
      ).toHaveLength(1);
  });

  it('repeats the header on every page and cuts no column off', () => {
    const lastHeaders: Record<string, string[]> = {
      行政执法人员及证件情况汇总表: ['单位', '学时不足'],
      行政执法人员明细表: ['身份证号', '法制审核'],
      行政执法证件换证人员名册: ['身份证号', '执法类别'],
      行政执法证件注销及公示情况表: ['公示日期', '备注'],
      分类检查事项统计表: ['执法单位', '合计'],
      '“四项清单”统计表': ['不予强制', '合计'],
      '“一目录四清单”发布情况表': ['文号', '备注'],
      台账数据问题清单: ['问题类别', '在哪里修改'],
    };
    TITLES.forEach((t, i) => {
      for (const [n, page] of sheetPages(t, TITLES[i + 1] ?? null).entries()) {
        for (const h of lastHeaders[t] ?? []) expect(page, `${t} page ${n + 1}: ${h}`).toContain(h);
      }
    });
  });

  it('keeps ID numbers and dates on one line, every person once', () => {
    const people = sheetPages(TITLES[1]!, TITLES[2]!).join('\n');
    expect(people.match(/\d{6}\*{8}[\dX]{4}/g)).toHaveLength(1060);
    expect((people.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).length).toBeGreaterThan(1800);
  });

  it('never leaves the signature block alone on a page, nor a lone row on the last page', () => {
    TITLES.forEach((t, i) => {
      const own = sheetPages(t, TITLES[i + 1] ?? null);
      const last = own[own.length - 1] ?? '';
      expect(last, t).toContain('制表人');
      expect(tableRows(last).length, `${t}: rows on the page with the signature`).toBeGreaterThanOrEqual(Math.min(3, tableRows(own.join('\n')).length));
    });
  });

  it('writes the pages as images for review', () => {
    const firsts = TITLES.map((t) => pages.findIndex((p) => squeeze(p).includes(t)) + 1);
    pdfImages(pdf, path.join(IMAGES, 'audit'), [...new Set([...firsts, firsts[1]! + 1, pages.length])]);
    expect(fs.readdirSync(IMAGES).filter((f) => f.startsWith('audit-')).length).toBeGreaterThanOrEqual(8);
  });
});
