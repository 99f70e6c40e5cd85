import type { RosterDocument } from '../../../shared/api/methods/rosters.ts';
import { formatChineseDate } from '../../../shared/domain/dates.ts';

/**
 * A roster laid out for A4 landscape: the title and selection on the first page, a table whose
 * header repeats on every page, the note and the signature block (or the issuer and date) after
 * the last row. Page numbers come from the @page rules in print.css.
 */
export function RosterDocumentView({ doc }: { doc: RosterDocument }) {
  const totalWeight = doc.columns.reduce((s, c) => s + c.weight, 0) || 1;
  return (
    <div className="print-doc" data-testid="print-doc">
      {doc.sections.map((section, i) => (
        <section key={i} className="print-section">
          <h1 className="print-title">{doc.title}</h1>
          <div className="print-subtitle">{section.heading ? `${section.heading}　　制表日期：${formatChineseDate(doc.date)}` : doc.subtitle}</div>
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
                    没有符合条件的人员
                  </td>
                </tr>
              ) : (
                section.rows.map((row, r) => (
                  <tr key={r}>
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
          {(i === doc.sections.length - 1 || section.signed) && doc.footnote ? <p className="print-footnote">{doc.footnote}</p> : null}
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
          {i === doc.sections.length - 1 && doc.issuer ? (
            <div className="print-issuer">
              <div>{doc.issuer}</div>
              <div>{formatChineseDate(doc.date)}</div>
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
