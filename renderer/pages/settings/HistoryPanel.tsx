import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { OPERATION_KIND_LABELS as KIND_LABELS, type OperationRow } from '../../../shared/api/methods/history.ts';
import { ACCESS_KIND_LABELS, type AccessRow } from '../../../shared/api/methods/operators.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { saveStagedFile } from '../export/download.ts';

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

function AccessTable() {
  const { data, loading } = useApi(() => api['history.access']({ limit: 500 }), 'access');
  return (
    <Table<AccessRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data?.entries ?? []}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      data-testid="access-table"
      columns={[
        { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
        { title: '类型', dataIndex: 'kind', width: 150, render: (k: AccessRow['kind']) => <Tag>{ACCESS_KIND_LABELS[k]}</Tag> },
        { title: '内容', dataIndex: 'summary' },
        { title: '操作员', dataIndex: 'operator', width: 120 },
      ]}
    />
  );
}

/** Every recorded change, newest first, each undoable unless a later change touched the same rows. */
function ChangesTable() {
  const { data, loading, reload } = useApi(() => api['history.recent']({ limit: 200 }), 'history');
  const { message, modal } = App.useApp();

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

  return (
    <Table<OperationRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data?.operations ?? []}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
        { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
        { title: '内容', dataIndex: 'summary' },
        { title: '改动', dataIndex: 'changeCount', width: 70, align: 'right' },
        { title: '经办人', dataIndex: 'operator', width: 100 },
        {
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
      ]}
    />
  );
}
