import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterDocument } from '../../shared/api/methods/rosters.ts';
import { call, launchBrowser, loadSampleData, newPage, openRoute, poll, SCREENSHOT_DIR, settle, startWebApp, type RunningApp } from './harness.ts';

/**
 * The letters to units in Chromium: each opened from where its list is (the roster, the training
 * view, the catalog's publications view, the export page), previewed a unit per page block, and
 * printed to PDF with each unit's pages numbered on their own.
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

async function screenshotWindow(name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * Prints the preview to PDF as Chromium prints it (A4 landscape, the stylesheet's page size),
 * renders its first two pages to PNG at 60 dpi to look at (test-results/pdf/<name>-N.png), and
 * returns each page's text squeezed of spaces.
 */
async function printLetters(name: string): Promise<string[]> {
  fs.mkdirSync(PDF_DIR, { recursive: true });
  const pdfPath = path.join(PDF_DIR, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfPath, format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
  for (const f of fs.readdirSync(PDF_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) fs.rmSync(path.join(PDF_DIR, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, path.join(PDF_DIR, name)]);
  return Array.from({ length: count }, (_v, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
}

/** The preview shows the document's letters: one first page per unit, addressed to it, page numbers per unit. */
async function expectLetters(doc: RosterDocument): Promise<void> {
  await page.getByTestId('print-doc').waitFor();
  const letters = doc.sections.filter((s) => s.letter);
  expect(letters.length).toBeGreaterThan(0);
  await poll(async () => page.getByTestId('print-letter').count(), 'a letter per unit').toBe(letters.length);
  const addressees = await page.locator('.print-letter-addressee').allTextContents();
  expect(addressees).toEqual(letters.map((s) => s.letter?.addressee));
  expect(await page.locator('.print-table tbody tr').count()).toBe(doc.sections.reduce((n, s) => n + s.rows.length, 0));
  const numbers = await page.locator('.print-page-number').allTextContents();
  expect(numbers.filter((t) => /^第 1 页/.test(t))).toHaveLength(letters.length);
}

describe('letters to units in Chromium', () => {
  it('opens 换证通知 from the roster’s filter and prints it with pages numbered per unit', async () => {
    const warningDays = (await call<{ expiryWarningDays: number }>(page, 'settings.get')).expiryWarningDays;
    const doc = await call<RosterDocument>(page, 'rosters.get', { kind: 'renewal-notice', filter: { expiringWithinDays: warningDays } });
    await openRoute(page, app, `/personnel?days=${warningDays}`);
    await poll(async () => page.getByTestId('print-renewal-notice').isEnabled(), 'the roster has loaded its people').toBe(true);
    await screenshotWindow('personnel-roster-letters');
    await page.getByTestId('print-renewal-notice').click();
    await expectLetters(doc);
    await poll(async () => page.getByTestId('print-count').textContent()).toBe(`共 ${doc.sections.length} 个单位 ${doc.total} 人`);
    await screenshotWindow('print-renewal-notice');

    const pages = await printLetters('renewal-notice');
    const count = pages.length;
    let at = 0;
    for (const section of doc.sections) {
      expect(pages[at], `page ${at + 1} is the letter to ${section.letter?.addressee}`).toContain((section.letter?.addressee ?? '').replace(/\s+/g, ''));
      expect(pages[at]).toContain('关于办理行政执法证件换证手续的通知');
      const total = Number(/第1页共(\d+)页/.exec(pages[at] ?? '')?.[1]);
      expect(total).toBeGreaterThan(0);
      for (let k = 0; k < total; k += 1) expect(pages[at + k]).toContain(`第${k + 1}页共${total}页`);
      for (const row of section.rows) expect(pages.slice(at, at + total).join('')).toContain(row['idNumber']);
      expect(pages[at + total - 1], 'the bureau signs each letter').toContain('沅江市司法局');
      at += total;
    }
    expect(at).toBe(count);
  });

  it('opens 参训督促通知 from the training view', async () => {
    const doc = await call<RosterDocument>(page, 'rosters.get', { kind: 'training-notice' });
    await openRoute(page, app, '/personnel/training');
    await page.getByTestId('print-training-notice').click();
    await expectLetters(doc);
    expect(await page.getByTestId('print-doc').textContent()).toContain('尚差学时');
    await screenshotWindow('print-training-notice');
    const pages = await printLetters('training-notice');
    expect(pages.filter((t) => t.includes('第1页共'))).toHaveLength(doc.sections.length);
  });

  it('opens 督办通知 from the catalog’s publications view', async () => {
    const doc = await call<RosterDocument>(page, 'rosters.get', { kind: 'publication-notice' });
    await openRoute(page, app, '/catalog/publications');
    await poll(async () => page.getByTestId('print-publication-notice').textContent()).toBe(`督办通知（${doc.total} 个单位）`);
    await page.getByTestId('print-publication-notice').click();
    await expectLetters(doc);
    await poll(async () => page.getByTestId('print-count').textContent()).toBe(`共 ${doc.total} 个单位`);
    await screenshotWindow('print-publication-notice');
    const pages = await printLetters('publication-notice');
    expect(pages.filter((t) => t.includes('第1页共'))).toHaveLength(doc.total);
    for (const section of doc.sections) expect(pages.some((t) => t.includes((section.letter?.addressee ?? '-').replace(/\s+/g, '')) && t.includes('一目录四清单公布情况'))).toBe(true);
  });

  it('lists the three letters on the export page', async () => {
    await openRoute(page, app, '/export');
    for (const key of ['renewal-notice', 'training-notice', 'publication-notice']) await page.getByTestId(`export-card-${key}`).waitFor();
    await page.getByTestId('export-card-publication-notice').scrollIntoViewIfNeeded();
    await screenshotWindow('export-page-letters');
    const doc = await call<RosterDocument>(page, 'rosters.get', { kind: 'training-notice' });
    await page.getByTestId('training-notice-preview').click();
    await expectLetters(doc);
  });
});
