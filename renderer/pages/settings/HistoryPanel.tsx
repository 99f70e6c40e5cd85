import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OPERATION_KIND_LABELS as KIND_LABELS, OPERATION_KINDS, type OperationRow } from '../../../shared/api/methods/history.ts';
import { formatDateTime } from '../../../shared/domain/dates.ts';
import { ACCESS_KIND_LABELS, type AccessRow } from '../../../shared/api/methods/operators.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useTodayDayjs } from '../../app/registry-env.tsx';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import { saveStagedFile } from '../export/download.ts';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';

/**
 * 操作记录: every change (with 撤销), and the reads and hand-overs that change nothing but must be
 * accountable (a full ID number shown, printed or exported, a copy of the database taken out, a
 * restore, the operators changed, sign-ins); both export to one Excel workbook.
 */
export function HistoryPanel() {
  const [view, setView] = useState<'changes' | 'access'>('changes');
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const exportAll = async () => {
    setExporting(true);
    try {
      const { fileId, rows } = await unwrap(api['history.export']({}));
      void message.success(`已导出“${await saveStagedFile(fileId)}”（${rows} 项）`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Segmented<'changes' | 'access'>
          value={view}
          onChange={(v) => setView(v)}
          options={[
            { value: 'changes', label: '修改记录' },
            { value: 'access', label: '查阅与导出记录' },
          ]}
          data-testid="history-view"
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportAll()} data-testid="history-export">
          导出 Excel
        </Button>
      </Space>
      {view === 'changes' ? <ChangesTable /> : <AccessTable />}
    </div>
  );
}

const ACCESS_COLUMNS: TableColumn<AccessRow>[] = [
  { title: '时间', dataIndex: 'at', width: 160, sortValue: (r) => r.at, render: (v: string) => <span className="tabular">{formatDateTime(v)}</span> },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 180,
    sortValue: (r) => ACCESS_KIND_LABELS[r.kind],
    filterOptions: Object.values(ACCESS_KIND_LABELS),
    filterValue: (r) => ACCESS_KIND_LABELS[r.kind],
    render: (k: AccessRow['kind']) => <Tag>{ACCESS_KIND_LABELS[k]}</Tag>,
  },
  { title: '内容', dataIndex: 'summary', ellipsis: true, sortValue: (r) => r.summary },
  { title: '操作员', dataIndex: 'operator', width: 120, sortValue: (r) => r.operator },
];

function AccessTable() {
  const { data, loading } = useApi(() => api['history.access']({ limit: 500 }), 'access');
  const table = useTableColumns('history-access', ACCESS_COLUMNS, data?.entries ?? null);
  return (
    <Table<AccessRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={table.rows}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="access-table"
      columns={table.columns}
      {...table.tableProps}
    />
  );
}

type KindFilter = (typeof OPERATION_KINDS)[number];

/**
 * Every recorded change, newest first, each undoable unless a later change touched the same rows;
 * narrowed by day, kind and operator (in the backend, so an old operation is found too).
 */
function ChangesTable() {
  const [range, setRange] = useState<[string, string] | null>(null);
  const [kind, setKind] = useState<KindFilter | null>(null);
  const [operator, setOperator] = useState<string | null>(null);
  const filterKey = JSON.stringify([range, kind, operator]);
  const { data, loading, reload } = useApi(() => api['history.recent']({ limit: 500, from: range?.[0] ?? null, to: range?.[1] ?? null, kind, operator }), `history:${filterKey}`);
  const { message, modal } = App.useApp();
  const today = useTodayDayjs();

  const undo = (op: OperationRow) => {
    modal.confirm({
      title: '撤销这项操作？',
      content: `“${op.summary}”涉及 ${op.changeCount} 处改动，撤销后恢复为操作前的状态。`,
      okText: '撤销',
      cancelText: '取消',
      onOk: async () => {
        try {
          await unwrap(api['history.undo']({ operationId: op.id }));
          void message.success('已撤销');
          reload();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  };

  const operations = data?.operations ?? [];
  const columns: TableColumn<OperationRow>[] = [
    { title: '时间', dataIndex: 'at', width: 160, sortValue: (r) => r.at, render: (v: string) => <span className="tabular">{formatDateTime(v)}</span> },
    { title: '类型', dataIndex: 'kind', width: 90, sortValue: (r) => KIND_LABELS[r.kind] ?? r.kind, render: (k: string) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
    { title: '内容', dataIndex: 'summary', ellipsis: true, sortValue: (r) => r.summary },
    { title: '改动', dataIndex: 'changeCount', width: 80, align: 'right', sortValue: (r) => r.changeCount },
    { title: '经办人', dataIndex: 'operator', width: 100, sortValue: (r) => r.operator },
    {
      key: 'undo',
      title: '',
      width: 100,
      render: (_v, op) =>
        op.undoneBy !== null ? (
          <Tag color="default">已撤销</Tag>
        ) : op.kind === 'sample_data' ? null : (
          <Button size="small" onClick={() => undo(op)}>
            撤销
          </Button>
        ),
    },
  ];
  const table = useTableColumns('history-changes', columns, data ? operations : null);
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker
          value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
          disabledDate={(d) => d.isAfter(today, 'day')}
          onChange={(v) => setRange(v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null)}
          placeholder={['开始日期', '结束日期']}
          data-testid="history-dates"
        />
        <Select<KindFilter>
          allowClear
          placeholder="类型"
          value={kind ?? undefined}
          onChange={(v) => setKind(v ?? null)}
          options={OPERATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k }))}
          style={{ width: 120 }}
          data-testid="history-kind"
        />
        <Select<string>
          allowClear
          placeholder="经办人"
          value={operator ?? undefined}
          onChange={(v) => setOperator(v ?? null)}
          options={(data?.operators ?? []).map((o) => ({ value: o, label: o === '' ? '（未署名）' : o }))}
          style={{ width: 140 }}
          data-testid="history-operator"
        />
        <Typography.Text type="secondary" data-testid="history-count">
          {data ? `${range || kind || operator !== null ? '筛选出' : '最近'} ${operations.length} 项${operations.length === 500 ? '（最多列出 500 项，请缩小日期范围）' : ''}` : ''}
        </Typography.Text>
        <TableExportMenu query={{ kind: 'history', from: range?.[0] ?? null, to: range?.[1] ?? null, operationKind: kind, operator }} sort={table.sort} disabled={operations.length === 0} />
      </Space>
      <Table<OperationRow>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={table.rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="history-table"
        columns={table.columns}
        {...table.tableProps}
      />
    </div>
  );
}
