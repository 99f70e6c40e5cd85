import { DownOutlined, ExportOutlined, FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import type { TableFormat, TableQueryInput, TableRequestInput } from '../../shared/api/methods/tables.ts';
import { api, errorMessage, unwrap } from '../api/client.ts';
import { saveStagedFile } from '../pages/export/download.ts';
import { navigate } from './use-hash-route.ts';

/**
 * 导出 ▾ (Excel / CSV) and 打印 for any table: the same query the screen runs, the columns it shows
 * in their order, and its sort. The backend lists the rows itself, so a paged or virtual table
 * exports every row the filter selects, not only the ones drawn.
 */

/** The key a column is known by: its `key`, else its dataIndex (the column chooser's rule). */
function columnKey<T>(column: ColumnType<T>): string {
  if (column.key !== undefined) return String(column.key);
  return Array.isArray(column.dataIndex) ? column.dataIndex.join('.') : String(column.dataIndex ?? '');
}

/** The print preview's address for a request (#/print-table/<kind>?r=<the request>). */
export function tablePrintPath(request: TableRequestInput): string {
  return `/print-table/${request.query.kind}?${new URLSearchParams({ r: JSON.stringify(request) }).toString()}`;
}

/** Columns of buttons (编辑, 删除, 登记文件), not data. */
const ACTION_KEYS: ReadonlySet<string> = new Set(['', 'actions', 'op', 'undo']);

const FORMAT_LABELS: Readonly<Record<TableFormat, string>> = { xlsx: 'Excel', csv: 'CSV' };

/** Exports a table and hands the file to the browser's download, telling the clerk what happened. */
export function useTableExport(): (request: TableRequestInput, format: TableFormat) => Promise<void> {
  const { message } = App.useApp();
  return async (request, format) => {
    try {
      const { fileId, rows } = await unwrap(api['tables.export']({ ...request, format }));
      const name = await saveStagedFile(fileId);
      void message.success(`已导出 ${FORMAT_LABELS[format]}“${name}”（${rows.toLocaleString('zh-CN')} 行）`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
}

export function TableExportMenu<T>({
  query,
  columns,
  sort = null,
  disabled = false,
  size = 'small',
}: {
  query: TableQueryInput;
  /** The columns shown (after the column chooser), in screen order; omitted: all of the table's. */
  columns?: readonly ColumnType<T>[];
  sort?: { key: string; order: 'asc' | 'desc' } | null;
  disabled?: boolean;
  size?: 'small' | 'middle';
}) {
  const [busy, setBusy] = useState(false);
  const exportTable = useTableExport();
  const keys = columns ? columns.map(columnKey).filter((k) => !ACTION_KEYS.has(k)) : null;
  const request: TableRequestInput = { query, columns: keys, sort };
  const run = (format: TableFormat) => {
    setBusy(true);
    void exportTable(request, format).finally(() => setBusy(false));
  };
  return (
    <Space size={4} data-testid={`table-export-${query.kind}`}>
      <Dropdown
        disabled={disabled}
        trigger={['click']}
        menu={{
          items: [
            { key: 'xlsx', icon: <FileExcelOutlined />, label: 'Excel 表格（.xlsx）' },
            { key: 'csv', icon: <FileTextOutlined />, label: 'CSV 文本（.csv，UTF-8）' },
          ],
          onClick: ({ key }) => run(key as TableFormat),
        }}
      >
        <Button size={size} icon={<ExportOutlined />} loading={busy} data-testid="table-export">
          <Space size={4}>
            导出
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <Button size={size} icon={<PrinterOutlined />} disabled={disabled} onClick={() => navigate(tablePrintPath(request))} data-testid="table-print">
        打印
      </Button>
    </Space>
  );
}
