import { splitByRanges, type Range } from '../../../shared/domain/catalog-search.ts';

/**
 * Text with the search terms marked. Every piece is a React text node: text from the data is
 * never parsed as markup.
 */
export function Highlighted({ text, ranges, cutBefore = false, cutAfter = false }: { text: string; ranges: readonly Range[]; cutBefore?: boolean; cutAfter?: boolean }) {
  return (
    <span className="catalog-cell-text">
      {cutBefore ? '…' : null}
      {splitByRanges(text, ranges).map((part, i) =>
        part.hit ? (
          <mark key={i} className="catalog-hit">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
      {cutAfter ? '…' : null}
    </span>
  );
}

/**
 * A table or detail cell: line breaks kept, empty shown as a dash. In tables (`clamp`) long text
 * stops after four lines; the whole text is in the tooltip and the detail drawer.
 */
export function CellText({ value, clamp = false }: { value: string | null | undefined; clamp?: boolean }) {
  if (value === null || value === undefined || value === '') return <span className="catalog-empty">—</span>;
  return clamp ? (
    <span className="catalog-cell-text catalog-cell-clamp" title={value}>
      {value}
    </span>
  ) : (
    <span className="catalog-cell-text">{value}</span>
  );
}
