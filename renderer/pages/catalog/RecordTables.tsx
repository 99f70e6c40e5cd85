import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TableRef } from 'antd/es/table';
import type { InspectionItemRow, ListItemRow } from '../../../shared/api/methods/catalog.ts';
import { INSPECTION_ITEM_LABELS, listItemFieldsOf, listItemLabel, type ListItemField } from '../../../shared/domain/catalog-fields.ts';
import type { InspectionCategory, ListKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { CellText } from './Highlighted.tsx';
import { useColumnChooser } from '../../app/column-chooser.tsx';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';
import { useDensity } from '../../app/density.tsx';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import { useWindowHeight } from './use-window-height.ts';

/** Rows beyond this are not sent to the page at once; the clerk picks an agency or searches. */
const ROW_LIMIT = 20_000;
/** Height taken by everything above and below the table body at any window size (less in 紧凑: smaller margins and controls). */
const CHROME_HEIGHT = 330;
const COMPACT_CHROME_HEIGHT = 266;

function useTableBodyHeight(): number {
  const height = useWindowHeight();
  const { compact } = useDensity();
  return Math.max(240, height - (compact ? COMPACT_CHROME_HEIGHT : CHROME_HEIGHT));
}

interface TableProps<R> {
  unitId: number | null;
  version: number;
  selectedId: number | null;
  /** A row to bring into view once loaded ("在目录中查看" from search). */
  locateId: number | null;
  onOpen: (row: R) => void;
  onEdit: (row: R) => void;
  onDelete: (row: R) => void;
}

/** A text column of the row's field: clamped to one line, sorted in zh-CN order on the page (all rows are loaded). */
function text<R, K extends keyof R & string>(field: K, width: number): TableColumn<R> {
  return { dataIndex: field, width, sortValue: (r) => cellText(r[field]), render: (v: string | null) => <CellText value={v} clamp /> };
}

function cellText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function actions<R>(onEdit: (r: R) => void, onDelete: (r: R) => void) {
  return {
    title: '操作',
    key: 'actions',
    width: 92,
    fixed: 'right' as const,
    render: (_: unknown, r: R) => (
      <Space size={0} onClick={(e) => e.stopPropagation()}>
        <Tooltip title="编辑">
          <Button type="link" size="small" icon={<EditOutlined />} aria-label="编辑" onClick={() => onEdit(r)} />
        </Tooltip>
        <Tooltip title="删除">
          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => onDelete(r)} />
        </Tooltip>
      </Space>
    ),
  };
}

/** Scrolls the (virtual) table to `id` once it is among the rows. */
function useLocate(rows: readonly { id: number }[], id: number | null) {
  const ref = useRef<TableRef>(null);
  useEffect(() => {
    if (id !== null && rows.some((r) => r.id === id)) ref.current?.scrollTo({ key: id });
  }, [rows, id]);
  return ref;
}

function LimitNotice({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      title={`共 ${total.toLocaleString('zh-CN')} 条，这里显示前 ${shown.toLocaleString('zh-CN')} 条。请在左侧选择单位，或用上方的全文检索查找。`}
    />
  );
}

/** The number of rows the table lists, for the clerk and for a figure that opened this list to be checked against. */
function ShownCount({ rows }: { rows: number | null }) {
  if (rows === null) return null;
  return (
    <Typography.Text type="secondary" data-testid="catalog-shown">
      列出 {rows.toLocaleString('zh-CN')} 条
    </Typography.Text>
  );
}

export function ItemsTable({ unitId, version, selectedId, locateId, onOpen, onEdit, onDelete, initialCategory }: TableProps<InspectionItemRow> & { initialCategory?: InspectionCategory | null }) {
  const loaded = useApi(() => api['catalog.items']({ unitId, limit: ROW_LIMIT }), `items:${unitId}:${version}`);
  const [category, setCategory] = useState<'全部' | InspectionCategory>(initialCategory ?? '全部');
  const bodyHeight = useTableBodyHeight();
  const filtered = useMemo(() => (loaded.data?.rows ?? []).filter((r) => category === '全部' || r.category === category), [loaded.data, category]);
  const allColumns: TableColumn<InspectionItemRow>[] = [
    { title: '序号', key: 'seq', width: 56, align: 'center', render: (_v, _r, i) => i + 1 },
    ...(unitId === null ? [{ title: '所属单位', ...text<InspectionItemRow, 'unitName'>('unitName', 150) }] : []),
    { title: INSPECTION_ITEM_LABELS.itemCode, ...text<InspectionItemRow, 'itemCode'>('itemCode', 110) },
    {
      title: INSPECTION_ITEM_LABELS.name,
      dataIndex: 'name',
      width: 230,
      sortValue: (r) => r.name,
      render: (v: string) => (
        <span className="catalog-cell-text catalog-cell-clamp" title={v} style={{ fontWeight: 500 }}>
          {v}
        </span>
      ),
    },
    {
      title: INSPECTION_ITEM_LABELS.category,
      dataIndex: 'category',
      width: 92,
      sortValue: (r) => r.category,
      render: (v: InspectionCategory) => <Tag color={v === '重点检查事项' ? 'volcano' : 'blue'}>{v === '重点检查事项' ? '重点' : '一般'}</Tag>,
    },
    { title: INSPECTION_ITEM_LABELS.basis, ...text<InspectionItemRow, 'basis'>('basis', 220) },
    { title: INSPECTION_ITEM_LABELS.subject, ...text<InspectionItemRow, 'subject'>('subject', 150) },
    { title: INSPECTION_ITEM_LABELS.undertakingBody, ...text<InspectionItemRow, 'undertakingBody'>('undertakingBody', 130) },
    { title: INSPECTION_ITEM_LABELS.target, ...text<InspectionItemRow, 'target'>('target', 150) },
    { title: INSPECTION_ITEM_LABELS.content, ...text<InspectionItemRow, 'content'>('content', 300) },
    { title: INSPECTION_ITEM_LABELS.method, ...text<InspectionItemRow, 'method'>('method', 130) },
    { title: INSPECTION_ITEM_LABELS.frequency, ...text<InspectionItemRow, 'frequency'>('frequency', 180) },
    { title: INSPECTION_ITEM_LABELS.notes, ...text<InspectionItemRow, 'notes'>('notes', 120) },
    actions(onEdit, onDelete),
  ];
  const { shown, chooser } = useColumnChooser('catalog-items', allColumns, { always: ['seq', 'name', 'actions'] });
  const table = useTableColumns('catalog-items', shown, filtered);
  const rows = table.rows;
  const tableRef = useLocate(rows, locateId);
  const counts = loaded.data?.rows ?? [];
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Segmented
          size="small"
          value={category}
          onChange={(v) => setCategory(v as typeof category)}
          options={[
            { value: '全部', label: `全部 ${counts.length}` },
            { value: '一般检查事项', label: `一般 ${counts.filter((r) => r.category === '一般检查事项').length}` },
            { value: '重点检查事项', label: `重点 ${counts.filter((r) => r.category === '重点检查事项').length}` },
          ]}
          data-testid="category-filter"
        />
        <ShownCount rows={loaded.data ? rows.length : null} />
        {chooser}
        <TableExportMenu query={{ kind: 'inspection-items', unitId, category: category === '全部' ? null : category }} columns={table.columns} sort={table.sort} disabled={rows.length === 0} />
      </Space>
      {loaded.error ? <Alert type="error" showIcon title={errorMessage(loaded.error)} style={{ marginBottom: 8 }} /> : null}
      <LimitNotice shown={loaded.data?.rows.length ?? 0} total={loaded.data?.total ?? 0} />
      <Table<InspectionItemRow>
        ref={tableRef}
        className="catalog-table"
        rowKey="id"
        size="small"
        bordered
        virtual
        loading={loaded.loading && !loaded.data}
        columns={table.columns}
        {...table.tableProps}
        dataSource={rows}
        pagination={false}
        scroll={{ x: table.scrollX, y: bodyHeight }}
        rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => onOpen(r), onDoubleClick: () => onEdit(r) })}
        locale={{ emptyText: unitId === null ? '还没有检查事项。可通过“导入”读入各单位报送的目录，或点“新增事项”逐条录入。' : '该单位还没有检查事项' }}
        data-testid="items-table"
      />
    </div>
  );
}

const LIST_WIDTHS: Readonly<Record<ListItemField, number>> = {
  matter: 110,
  violation: 260,
  violationBasis: 220,
  penaltyBasis: 240,
  conditions: 300,
  discretion: 200,
  notes: 120,
};

export function ListTable({ unitId, listKind, version, selectedId, locateId, onOpen, onEdit, onDelete }: TableProps<ListItemRow> & { listKind: ListKind }) {
  const loaded = useApi(() => api['lists.items']({ unitId, listKind, limit: ROW_LIMIT }), `list:${listKind}:${unitId}:${version}`);
  const bodyHeight = useTableBodyHeight();
  const loadedRows = useMemo(() => loaded.data?.rows ?? [], [loaded.data]);
  // 监管领域 only when some entry has one: many agencies leave it out.
  const fields = listItemFieldsOf(listKind).filter((f) => f !== 'matter' || loadedRows.some((r) => r.matter));
  const columns: TableColumn<ListItemRow>[] = [
    { title: '序号', key: 'seq', width: 56, align: 'center', render: (_v, _r, i) => i + 1 },
    ...(unitId === null ? [{ title: '所属单位', ...text<ListItemRow, 'unitName'>('unitName', 150) }] : []),
    ...fields.map((f): TableColumn<ListItemRow> =>
      f === 'violation'
        ? {
            title: listItemLabel(listKind, f),
            dataIndex: f,
            width: LIST_WIDTHS[f],
            sortValue: (r) => r.violation,
            render: (v: string) => (
              <span className="catalog-cell-text catalog-cell-clamp" title={v} style={{ fontWeight: 500 }}>
                {v}
              </span>
            ),
          }
        : { title: listItemLabel(listKind, f), ...text<ListItemRow, ListItemField>(f, LIST_WIDTHS[f]) },
    ),
    actions(onEdit, onDelete),
  ];
  // One remembered layout per list: their columns differ. The long legal texts make these the widest
  // tables, so the clerk can hide what a task does not need, as on the roster and the catalog.
  const { shown, chooser } = useColumnChooser(`list-${listKind}`, columns, { always: ['seq', 'violation', 'actions'] });
  const table = useTableColumns(`list-${listKind}`, shown, loadedRows);
  const rows = table.rows;
  const tableRef = useLocate(rows, locateId);
  return (
    <div>
      {loaded.error ? <Alert type="error" showIcon title={errorMessage(loaded.error)} style={{ marginBottom: 8 }} /> : null}
      <LimitNotice shown={loadedRows.length} total={loaded.data?.total ?? 0} />
      <div style={{ marginBottom: 8 }}>
        <ShownCount rows={loaded.data ? rows.length : null} />
        <span style={{ marginLeft: 12 }}>{chooser}</span>
        <span style={{ marginLeft: 8 }}>
          <TableExportMenu query={{ kind: 'list-items', unitId, listKind }} columns={table.columns} sort={table.sort} disabled={rows.length === 0} />
        </span>
      </div>
      <Table<ListItemRow>
        ref={tableRef}
        className="catalog-table"
        rowKey="id"
        size="small"
        bordered
        virtual
        loading={loaded.loading && !loaded.data}
        columns={table.columns}
        {...table.tableProps}
        dataSource={rows}
        pagination={false}
        scroll={{ x: table.scrollX, y: bodyHeight }}
        rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => onOpen(r), onDoubleClick: () => onEdit(r) })}
        locale={{ emptyText: unitId === null ? '这份清单还没有事项' : '该单位的这份清单还没有事项' }}
        data-testid="list-table"
      />
    </div>
  );
}
