import { App, Button, Table, Tag } from 'antd';
import type { OperationRow } from '../../../shared/api/methods/history.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';

const KIND_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  lifecycle: '证件',
  import: '导入',
  undo: '撤销',
  sample_data: '示例数据',
  other: '其他',
};

/** Every recorded change, newest first, each undoable unless a later change touched the same rows. */
export function HistoryPanel() {
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
