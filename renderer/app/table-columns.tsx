import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { FilterValue, SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo, useRef, useState } from 'react';
import { columnKey } from './column-chooser.tsx';
import { sortRows, type CellValue, type TableSort } from '../../shared/domain/table-sort.ts';
import { headerMinWidth, parseSort, parseWidths } from './table-sort.ts';

/**
 * One mechanism for every big table: headers the clerk can drag wider or narrower (double-click the
 * edge for the original width), a sort on every column that means something, and the header's filter
 * for small enumerations (状态, 类型 …). Widths and sort are remembered per table on this PC, like the
 * column chooser and the density (a screen's preference, not the registry's). The sort is a plain
 * `{key, order}` the page can hand on (to its export or print), and the rows come back in that order.
 */

export interface TableColumn<T> extends ColumnType<T> {
  /** Sorted on this page by this value (zh-CN collation for text, numbers by value, empty cells last). */
  sortValue?: (row: T) => CellValue;
  /** Sorted by the backend under the column's key (the page keeps the sort: `options.sort`). */
  serverSort?: boolean;
  /** A small enumeration offered as the header's filter, matched against `filterValue`. */
  filterOptions?: readonly string[];
  filterValue?: (row: T) => string;
  /** The heading as text when `title` is not a string (its narrowest width is measured from it). */
  headerText?: string;
}

interface TableColumnsOptions {
  /** The order before the clerk picks one (null: the order the data came in). */
  defaultSort?: TableSort | null;
  /** Given for a table the backend sorts: the page holds the sort (in its address) and is told of changes. */
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort | null) => void;
}

export interface TableColumnsResult<T> {
  columns: ColumnType<T>[];
  /** The rows filtered by the header filters and sorted (a server-sorted table's rows as given). */
  rows: T[];
  /** Filters and sorts any rows as the table does (several tables sharing one header state; an export of the rows on screen). */
  arrange: (rows: readonly T[]) => T[];
  sort: TableSort | null;
  /** The table's width: the columns' widths (a column without one counts 120 px); for `scroll.x`. */
  scrollX: number;
  /** Spread onto the antd Table: the resizable header cells and the sort/filter handler. */
  tableProps: Pick<TableProps<T>, 'components' | 'onChange'>;
}

const WIDTHS_PREFIX = 'registry.widths.';
const SORT_PREFIX = 'registry.sort.';
/** A column without a width of its own, counted in the table's scroll width. */
const FLEX_WIDTH = 120;

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered, still applied.
  }
}

/** The sort this table had last on this PC (for a page that keeps its sort elsewhere, such as the roster's address). */
export function rememberedSort(tableKey: string): TableSort | null {
  return parseSort(readStorage(SORT_PREFIX + tableKey));
}

function rememberSort(tableKey: string, sort: TableSort | null) {
  writeStorage(SORT_PREFIX + tableKey, sort ? JSON.stringify(sort) : null);
}

function titleText<T>(column: TableColumn<T>): string {
  if (column.headerText !== undefined) return column.headerText;
  return typeof column.title === 'string' ? column.title : '';
}

interface ResizeHandle {
  min: number;
  onResize: (width: number) => void;
  onEnd: (width: number) => void;
  onReset: () => void;
}

type HeaderCellProps = React.ThHTMLAttributes<HTMLTableCellElement> & { resize?: ResizeHandle };

/**
 * A header cell with a grip on its right edge. The drag follows the mouse on the window (the pointer
 * soon leaves the narrow grip), one update per frame; the click that ends a drag over the heading is
 * swallowed so a resize never also sorts.
 */
function ResizableHeaderCell({ resize, children, ...rest }: HeaderCellProps) {
  const dragged = useRef(false);
  if (!resize) return <th {...rest}>{children}</th>;
  const start = (e: React.MouseEvent<HTMLSpanElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const th = e.currentTarget.parentElement;
    const startWidth = th ? th.getBoundingClientRect().width : resize.min;
    const startX = e.clientX;
    let latest = Math.round(startWidth);
    let frame = 0;
    const move = (ev: MouseEvent) => {
      latest = Math.max(resize.min, Math.round(startWidth + ev.clientX - startX));
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => resize.onResize(latest));
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      cancelAnimationFrame(frame);
      document.body.classList.remove('column-resizing');
      resize.onEnd(latest);
      dragged.current = true;
      // The click (if any) comes right after this mouseup, before any timer.
      window.setTimeout(() => {
        dragged.current = false;
      }, 0);
    };
    document.body.classList.add('column-resizing');
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  return (
    <th
      {...rest}
      onClickCapture={(e) => {
        if (dragged.current) {
          e.stopPropagation();
          dragged.current = false;
        }
      }}
    >
      {children}
      <span
        className="column-resize-handle"
        title="拖动调整列宽，双击恢复"
        data-testid="column-resize-handle"
        onMouseDown={start}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => {
          e.stopPropagation();
          resize.onReset();
        }}
      />
    </th>
  );
}

const COMPONENTS = { header: { cell: ResizableHeaderCell } };

export function useTableColumns<T>(tableKey: string, columns: readonly TableColumn<T>[], rows: readonly T[] | null, options: TableColumnsOptions = {}): TableColumnsResult<T> {
  const [widths, setWidths] = useState<Record<string, number>>(() => parseWidths(readStorage(WIDTHS_PREFIX + tableKey)));
  const [ownSort, setOwnSort] = useState<TableSort | null>(() => rememberedSort(tableKey) ?? options.defaultSort ?? null);
  const [filters, setFilters] = useState<Record<string, string[]>>({});
  const controlled = options.sort !== undefined;
  const sort = controlled ? (options.sort ?? null) : ownSort;
  const onSortChange = options.onSortChange;

  const saveWidths = useCallback(
    (update: (current: Record<string, number>) => Record<string, number>) => {
      // Merged into what is stored, not this state: another copy of the table (a second flag card) may have saved too.
      const next = update(parseWidths(readStorage(WIDTHS_PREFIX + tableKey)));
      writeStorage(WIDTHS_PREFIX + tableKey, Object.keys(next).length > 0 ? JSON.stringify(next) : null);
      setWidths(next);
    },
    [tableKey],
  );

  const byKey = useMemo(() => new Map(columns.map((c) => [columnKey(c), c])), [columns]);
  // A remembered sort by a column that is gone (hidden, or renamed in a newer version) means no sort.
  const activeSort = sort && (controlled || byKey.get(sort.key)?.sortValue) ? sort : null;

  const out = useMemo(
    () =>
      columns.map((column): ColumnType<T> => {
        const { sortValue, serverSort, filterOptions, filterValue, headerText: _text, ...rest } = column;
        const key = columnKey(column);
        const sortable = sortValue !== undefined || serverSort === true;
        const filterable = filterOptions !== undefined && filterValue !== undefined;
        const min = headerMinWidth(titleText(column), { sortable, filterable });
        const given = widths[key] ?? (typeof column.width === 'number' ? column.width : undefined);
        const width = given === undefined ? undefined : Math.max(min, given);
        const resize: ResizeHandle = {
          min,
          onResize: (w) => setWidths((current) => ({ ...current, [key]: w })),
          onEnd: (w) => saveWidths((stored) => ({ ...stored, [key]: w })),
          onReset: () =>
            saveWidths((stored) => {
              const { [key]: _dropped, ...kept } = stored;
              return kept;
            }),
        };
        const previous = column.onHeaderCell;
        return {
          ...rest,
          key,
          width,
          // antd's type knows only DOM attributes; ResizableHeaderCell takes `resize` off before the <th>.
          onHeaderCell: (c) => ({ ...previous?.(c), resize }) as React.HTMLAttributes<HTMLElement>,
          ...(sortable ? { sorter: true, sortOrder: activeSort?.key === key ? (activeSort.order === 'asc' ? 'ascend' : 'descend') : null, showSorterTooltip: false } : {}),
          ...(filterable ? { filters: filterOptions.map((o) => ({ text: o, value: o })), filteredValue: filters[key] ?? null } : {}),
        };
      }),
    [columns, widths, activeSort, filters, saveWidths],
  );

  const sortKey = activeSort && !controlled ? activeSort.key : null;
  const sortOrder = activeSort?.order ?? 'asc';
  const arrange = useCallback(
    (input: readonly T[]): T[] => {
      let result = [...input];
      for (const [key, values] of Object.entries(filters)) {
        const value = byKey.get(key)?.filterValue;
        if (value && values.length > 0) result = result.filter((r) => values.includes(value(r)));
      }
      const sortValue = sortKey === null ? undefined : byKey.get(sortKey)?.sortValue;
      return sortValue ? sortRows(result, sortValue, sortOrder) : result;
    },
    [byKey, filters, sortKey, sortOrder],
  );
  // Pages build their columns afresh on every render; the rows are sorted again only when the rows, the
  // filters or the sort change (20,000 catalog rows are not re-sorted for a click on a row).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- arrange changes identity with the columns on every render; what it does only with the filters and the sort
  const shownRows = useMemo(() => (rows === null ? [] : arrange(rows)), [rows, filters, sortKey, sortOrder]);

  const onChange = useCallback<NonNullable<TableProps<T>['onChange']>>(
    (_pagination, nextFilters: Record<string, FilterValue | null>, sorter: SorterResult<T> | SorterResult<T>[], extra) => {
      if (extra.action === 'filter') {
        setFilters(Object.fromEntries(Object.entries(nextFilters).map(([k, v]) => [k, (v ?? []).map(String)])));
        return;
      }
      if (extra.action !== 'sort') return;
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const next: TableSort | null = s?.order && s.columnKey !== undefined ? { key: String(s.columnKey), order: s.order === 'descend' ? 'desc' : 'asc' } : null;
      rememberSort(tableKey, next);
      if (controlled) onSortChange?.(next);
      else setOwnSort(next);
    },
    [tableKey, controlled, onSortChange],
  );

  const scrollX = out.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : FLEX_WIDTH), 0);
  return { columns: out, rows: shownRows, arrange, sort: activeSort, scrollX, tableProps: { components: COMPONENTS, onChange } };
}
