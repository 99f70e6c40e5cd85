import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterDocument } from '../../shared/api/methods/rosters.ts';
import { call, launchBrowser, loadSampleData, newPage, openRoute, poll, SCREENSHOT_DIR, settle, startWebApp, type RunningApp } from './harness.ts';

/**
 * A roster printed a page per unit numbers its pages within each unit (第 1 页 共 N 页, restarting
 * at every unit) and keeps the selection line on each unit's first page: printed to PDF by
 * Chromium, read back page by page with pdftotext.
 */

const PDF_DIR = path.join(SCREENSHOT_DIR, '..', 'pdf');

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await call(page, 'settings.update', { operatorName: '李文' });
  await loadSampleData(page);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The preview as the clerk sees it at 1366×768 (a long preview is many sheets: only the window, not the whole page). */
async function screenshotWindow(target: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settle(target);
  await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Prints the page to a PDF (A4 landscape, the stylesheet's page size) and returns each page's text, squeezed of spaces. */
async function printPages(target: Page, name: string): Promise<{ pdfPath: string; pages: string[] }> {
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const pdfPath = path.join(PDF_DIR, `${name}.pdf`);
  await target.emulateMedia({ media: 'print' });
  await target.pdf({ path: pdfPath, format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
  await target.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pages: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    pages.push(execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
  }
  return { pdfPath, pages };
}

/** Renders the PDF's pages to PNG at 60 dpi (test-results/pdf/<name>-N.png), to look at. */
function renderPngs(pdfPath: string, name: string): string[] {
  for (const f of fs.readdirSync(PDF_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) fs.rmSync(path.join(PDF_DIR, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(PDF_DIR, name)]);
  return fs.readdirSync(PDF_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** In print layout, how far any page block's content runs past the top of its page number (0: nothing overflows). */
async function worstOverflow(target: Page): Promise<number> {
  await target.emulateMedia({ media: 'print' });
  const overflow = await target.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('[data-testid="print-page"]')].map((block) => {
        const numberTop = block.querySelector('.print-page-number')?.getBoundingClientRect().top ?? 0;
        const bottoms = [...block.querySelectorAll('tr, .print-page-closing')].map((el) => el.getBoundingClientRect().bottom);
        return Math.max(0, ...bottoms) - numberTop;
      }),
    ),
  );
  await target.emulateMedia({ media: 'screen' });
  return overflow;
}

describe('printing a page per unit', () => {
  it('numbers the pages within each unit, keeps the selection line and never cuts a row', async () => {
    const filter = { expiringWithinDays: 730, includeExpired: true };
    const doc = await call<RosterDocument>(page, 'rosters.get', { kind: 'renewal', filter, pagePerUnit: true });
    expect(doc.pageNumbering).toBe('section');
    expect(doc.sections.length).toBeGreaterThan(3);
    const longest = Math.max(...doc.sections.map((s) => s.rows.length));
    expect(longest, 'a unit long enough to need two pages').toBeGreaterThan(20);

    await openRoute(page, app, '/print/renewal?days=730&expired=1&perUnit=1');
    await page.getByTestId('print-doc').waitFor();
    expect(await page.getByTestId('print-paginating').count(), 'the layout spinner is gone once the pages are laid out').toBe(0);
    await poll(async () => page.getByTestId('print-count').textContent()).toBe(`共 ${doc.total} 人`);
    expect(await page.locator('.print-table tbody tr').count()).toBe(doc.total);
    expect(await worstOverflow(page), 'every page block holds its rows above its page number').toBeLessThanOrEqual(0);
    await screenshotWindow(page, 'print-renewal-per-unit');

    const { pdfPath, pages } = await printPages(page, 'renewal-per-unit');
    expect(pages).toHaveLength(Number(await page.getByTestId('print-doc').getAttribute('data-pages')));

    // Walk the PDF: each unit's first page carries its heading and the selection line, its pages count 1..N.
    let at = 0;
    const selection = doc.subtitle.split('　　').filter((part) => !/^共/.test(part) && !part.startsWith('制表日期'));
    expect(selection.length).toBeGreaterThan(0);
    for (const section of doc.sections) {
      const heading = (section.heading ?? '').replace(/\s+/g, '');
      expect(pages[at], `page ${at + 1} opens ${heading}`).toContain(heading);
      for (const part of selection) expect(pages[at]).toContain(part.replace(/\s+/g, ''));
      const total = Number(/第1页共(\d+)页/.exec(pages[at] ?? '')?.[1]);
      expect(total, `${heading}: its first page reads 第 1 页 共 N 页`).toBeGreaterThan(0);
      if (section.rows.length > 20) expect(total).toBeGreaterThan(1);
      const own = pages.slice(at, at + total);
      own.forEach((text, k) => {
        expect(text, `${heading}, page ${k + 1}`).toContain(`第${k + 1}页共${total}页`);
        // Only the unit's own number: the printer's document-wide counter is switched off.
        expect(text.match(/第\d+页共\d+页/g), `${heading}, page ${k + 1}: one page number`).toHaveLength(1);
        expect(text, 'the table header repeats').toContain('序号');
        if (k > 0) expect(text, 'the next unit has not started yet').not.toMatch(/单位：.+（\d+人）/);
      });
      // Every row whole on exactly one of the unit's pages: its masked ID and its remark together.
      for (const row of section.rows) {
        const where = own.map((text, k) => (text.includes(row['idNumber'] ?? '-') ? k : -1)).filter((k) => k >= 0);
        expect(where, `${row['name']} (${row['idNumber']}) on one page`).toHaveLength(1);
        const text = own[where[0] ?? 0] ?? '';
        for (const key of ['name', 'certNumber', 'expiryDate', 'remark']) expect(text, `${row['name']}: ${key} on the same page`).toContain((row[key] ?? '').replace(/\s+/g, ''));
      }
      expect(own[own.length - 1], `${heading}: the signature block closes its last page`).toContain('经办人');
      at += total;
    }
    expect(at).toBe(pages.length);
    expect(renderPngs(pdfPath, 'renewal-per-unit')).toHaveLength(pages.length);
  });

  it('keeps the document-wide numbering for a roster printed whole', async () => {
    await openRoute(page, app, '/print/renewal?days=730&expired=1');
    await page.getByTestId('print-doc').waitFor();
    const { pages } = await printPages(page, 'renewal-whole');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => expect(text).toContain(`第${i + 1}页共${pages.length}页`));
  });
});
