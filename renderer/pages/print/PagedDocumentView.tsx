import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PrintableDocument } from '../../../shared/api/methods/rosters.ts';
import { paginateSection, type PageSlice } from './paginate.ts';
import { SectionClosing, SectionHead, SectionTable } from './RosterDocumentView.tsx';

/**
 * A document whose sections number their own pages (第 1 页 共 2 页 within each unit). Chromium's
 * @page counters run across the whole document and cannot be reset per section, so the pages are
 * made here: every section is first laid out, hidden, at the printed width (A4 landscape less the
 * margins), its heights measured, and split into page blocks of the printable height, each with
 * the table header and its own page number, and a page break after it. The same blocks are the
 * on-screen preview, window.print() and Electron's printToPDF, so all three agree.
 */

const PX_PER_MM = 96 / 25.4;
/** The printable height of an A4 landscape page (210 mm less the 14 + 16 mm margins of print.css), less 1 mm so rounding never spills a block onto an extra page. */
const PAGE_MM = 179;
/** The page number's line at the foot of each block. */
const FOOTER_MM = 7;
/** Room left for the difference between the screen's text metrics and the printer's. */
const SAFETY_MM = 3;

type Layout = { doc: PrintableDocument; pages: PageSlice[][] };

function heightOf(el: Element | null): number {
  return el ? el.getBoundingClientRect().height : 0;
}

function measure(root: HTMLElement): PageSlice[][] {
  const available = (PAGE_MM - FOOTER_MM - SAFETY_MM) * PX_PER_MM;
  return [...root.querySelectorAll<HTMLElement>('[data-measure-section]')].map((el) =>
    paginateSection({
      available,
      head: heightOf(el.querySelector('.print-page-head')),
      tableHeader: heightOf(el.querySelector('thead')),
      rows: [...el.querySelectorAll('tbody tr')].map(heightOf),
      closing: heightOf(el.querySelector('.print-page-closing')),
    }),
  );
}

export function PagedDocumentView({ doc }: { doc: PrintableDocument }) {
  const [layout, setLayout] = useState<Layout | null>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const pages = layout?.doc === doc ? layout.pages : null;

  useEffect(() => {
    if (pages) return;
    let cancelled = false;
    // Measured once the fonts are in: a fallback font's heights would be the wrong ones.
    void document.fonts.ready.then(() => {
      if (!cancelled && measureRef.current) setLayout({ doc, pages: measure(measureRef.current) });
    });
    return () => {
      cancelled = true;
    };
  }, [doc, pages]);

  if (!pages) {
    // A long roster takes seconds to lay out: say so instead of showing an empty page meanwhile.
    return (
      <>
        <div className="no-print" style={{ textAlign: 'center', padding: 64 }} data-testid="print-paginating">
          <Spin tip={`正在按单位分页排版（${doc.sections.length} 个单位）…`} size="large">
            <div style={{ width: 240, height: 80 }} />
          </Spin>
        </div>
        <div className="print-doc print-measure" ref={measureRef} aria-hidden data-testid="print-measuring">
          {doc.sections.map((section, i) => (
            <section key={i} data-measure-section>
              <div className="print-page-head">
                <SectionHead doc={doc} section={section} />
              </div>
              <SectionTable doc={doc} section={section} />
              <div className="print-page-closing">
                <SectionClosing doc={doc} section={section} last />
              </div>
            </section>
          ))}
        </div>
      </>
    );
  }

  return (
    <div className="print-doc paged" data-testid="print-doc" data-pages={pages.reduce((n, p) => n + p.length, 0)}>
      {doc.sections.map((section, i) =>
        (pages[i] ?? []).map((slice, p, all) => (
          <div key={`${i}-${p}`} className="print-page" data-testid="print-page" data-section={i}>
            {slice.withHead ? (
              <div className="print-page-head">
                <SectionHead doc={doc} section={section} />
              </div>
            ) : null}
            {slice.end > slice.start || slice.withHead ? <SectionTable doc={doc} section={section} start={slice.start} end={slice.end} /> : null}
            {slice.withClosing ? (
              <div className="print-page-closing">
                <SectionClosing doc={doc} section={section} last />
              </div>
            ) : null}
            <div className="print-page-number">
              第 {p + 1} 页 共 {all.length} 页
            </div>
          </div>
        )),
      )}
    </div>
  );
}
