import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './paths.ts';

/**
 * LibreOffice and poppler for the print tests: a workbook converted to PDF as Calc prints it, the
 * PDF's text per page, and its pages as images for a person to look at. CI installs them
 * (libreoffice-calc-nogui, poppler-utils).
 */

export function requireTool(name: string, apt: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} is needed for this test: apt-get install -y --no-install-recommends ${apt}`);
}

/** Converts a workbook to PDF with a private LibreOffice profile (tests may run side by side). */
export function toPdf(xlsx: string): string {
  requireTool('soffice', 'libreoffice-calc-nogui');
  const outDir = path.dirname(xlsx);
  const profile = pathToFileURL(tempDir('lo-profile-')).href;
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { encoding: 'utf8', timeout: 240_000 });
  const pdf = path.join(outDir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${xlsx}: ${run.stderr || run.stdout} (status ${run.status})`);
  return pdf;
}

/** The text of every page, laid out as on the page. */
export function pdfPages(pdf: string): string[] {
  requireTool('pdftotext', 'poppler-utils');
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout;
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Renders pages to PNG (for review; see README › Tests). */
export function pdfImages(pdf: string, outPrefix: string, pages: readonly number[], dpi = 60): void {
  fs.mkdirSync(path.dirname(outPrefix), { recursive: true });
  for (const p of pages) spawnSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(p), '-l', String(p), '-singlefile', pdf, `${outPrefix}-${String(p).padStart(2, '0')}`]);
}
