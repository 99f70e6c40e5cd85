import type { RosterDocument } from '../../../shared/api/methods/rosters.ts';
import { formatChineseDate } from '../../../shared/domain/dates.ts';
import { signatureLine } from '../export/xlsx-style.ts';
import { XlsxWorkbook, type ColumnSpec } from '../export/xlsx-writer.ts';

/** The lines printed after a roster's table: the note, the signature blanks or the issuer and date. */
export function closingLines(doc: RosterDocument, signed: boolean): string[] {
  const lines: string[] = [];
  if (doc.footnote) lines.push(doc.footnote);
  if (signed && doc.signatureItems.length > 0) {
    lines.push(signatureLine(doc.signatureItems));
  }
  if (doc.issuer) lines.push(`${doc.issuer}　　${formatChineseDate(doc.date)}`);
  return lines;
}

/**
 * The roster as a print-ready workbook (A4 landscape, header repeated, 第 X 页 共 Y 页). A roster
 * printed a page per unit becomes a sheet per unit, so each unit's sheet can be sent on its own.
 */
export async function rosterWorkbook(doc: RosterDocument): Promise<Buffer> {
  const book = new XlsxWorkbook();
  const columns: ColumnSpec[] = doc.columns.map((c) => ({ key: c.key, header: c.header, width: c.xlsxWidth, kind: c.cell, align: c.align, wrap: !c.nowrap }));
  const perUnit = doc.sections.length > 1 || doc.sections[0]?.heading !== null;
  const used = new Set<string>();
  for (const section of doc.sections) {
    const unitName = section.heading?.replace(/^单位：/, '').replace(/（\d+ 人）$/, '') ?? '名单';
    let name = perUnit ? unitName.slice(0, 28) : doc.title.replace(/^.*?(行政执法)/, '$1').slice(0, 28);
    for (let n = 2; used.has(name); n += 1) name = `${name.slice(0, 26)}${n}`;
    used.add(name);
    await book.addTableSheet({
      name,
      title: doc.title,
      // A letter's text stands above its list, as on paper; then the section's own selection line.
      subtitles: [
        ...(section.letter ? [section.letter.addressee, ...section.letter.paragraphs.map((p) => `　　${p}`)] : []),
        section.subtitle ?? (perUnit && section.heading ? `${section.heading}　　${doc.subtitle.replace(/共 \d+ 人$/, '').trim()}` : doc.subtitle),
      ],
      columns,
      rows: section.rows.map((values) => ({ values })),
      orientation: 'landscape',
      footerLines: closingLines(doc, section.signed),
    });
  }
  if (doc.sections.length === 0) await book.addTableSheet({ name: '名册', title: doc.title, subtitles: [doc.subtitle], columns, rows: [], orientation: 'landscape' });
  return book.toBuffer();
}
