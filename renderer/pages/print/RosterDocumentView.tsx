import type { ReactNode } from 'react';
import type { PrintableDocument } from '../../../shared/api/methods/rosters.ts';
import { formatChineseDate } from '../../../shared/domain/dates.ts';
import { PagedDocumentView } from './PagedDocumentView.tsx';

type Section = PrintableDocument['sections'][number];

/** The selection line under a section's title. */
function sectionSubtitle(doc: PrintableDocument, section: Section): string {
  return section.subtitle ?? (section.heading ? `${section.heading}　　制表日期：${formatChineseDate(doc.date)}` : doc.subtitle);
}

/** Title, selection line and (a letter) the text addressed to the unit, above the table. */
export function SectionHead({ doc, section }: { doc: PrintableDocument; section: Section }) {
  return (
    <>
      <h1 className="print-title">{doc.title}</h1>
      {section.letter ? (
        <div className="print-letter" data-testid="print-letter">
          <p className="print-letter-addressee">{section.letter.addressee}</p>
          {section.letter.paragraphs.map((p, k) => (
            <p key={k} className="print-letter-paragraph">
              {p}
            </p>
          ))}
        </div>
      ) : null}
      <div className="print-subtitle">{sectionSubtitle(doc, section)}</div>
    </>
  );
}

/** The table with its header and the rows [start, end) of a section (none: the empty line, when the section has no rows). */
export function SectionTable({ doc, section, start = 0, end = section.rows.length }: { doc: PrintableDocument; section: Section; start?: number; end?: number }) {
  const totalWeight = doc.columns.reduce((s, c) => s + c.weight, 0) || 1;
  return (
    <table className="print-table">
      <colgroup>
        {doc.columns.map((c) => (
          <col key={c.key} style={{ width: `${((c.weight / totalWeight) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {doc.columns.map((c) => (
            <th key={c.key}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {section.rows.length === 0 ? (
          <tr>
            <td colSpan={doc.columns.length} className="print-empty">
              {doc.emptyText ?? '没有符合条件的人员'}
            </td>
          </tr>
        ) : (
          section.rows.slice(start, end).map((row, r) => (
            <tr key={start + r}>
              {doc.columns.map((c) => (
                <td key={c.key} className={`align-${c.align}${c.nowrap ? ' nowrap' : ''}`}>
                  {row[c.key] ?? ''}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** The note, the signature blanks, the issuer and date after a section's last row. */
export function SectionClosing({ doc, section, last }: { doc: PrintableDocument; section: Section; last: boolean }): ReactNode {
  return (
    <>
      {(last || section.signed) && doc.footnote ? <p className="print-footnote">{doc.footnote}</p> : null}
      {section.signed && doc.signatureItems.length > 0 ? (
        <div className="print-signature" data-testid="print-signature">
          {doc.signatureItems.map((item) => (
            <div key={item} className="print-signature-item">
              <span>{item}：</span>
              {item === '日期' ? <span className="print-date-blank">年　　月　　日</span> : <span className="print-blank" />}
            </div>
          ))}
        </div>
      ) : null}
      {last && doc.issuer ? (
        <div className="print-issuer">
          <div>{doc.issuer}</div>
          <div>{formatChineseDate(doc.date)}</div>
        </div>
      ) : null}
    </>
  );
}

/**
 * A roster laid out for A4 landscape: the title and selection on the first page, a table whose
 * header repeats on every page, the note and the signature block (or the issuer and date) after
 * the last row. Page numbers come from the @page rules in print.css; a document numbered per
 * section (a page per unit, the letters) is laid out page by page instead (PagedDocumentView).
 */
export function RosterDocumentView({ doc }: { doc: PrintableDocument }) {
  if (doc.pageNumbering === 'section') return <PagedDocumentView doc={doc} />;
  return (
    <div className="print-doc" data-testid="print-doc">
      {doc.sections.map((section, i) => (
        <section key={i} className="print-section">
          <SectionHead doc={doc} section={section} />
          <SectionTable doc={doc} section={section} />
          <SectionClosing doc={doc} section={section} last={i === doc.sections.length - 1} />
        </section>
      ))}
    </div>
  );
}
