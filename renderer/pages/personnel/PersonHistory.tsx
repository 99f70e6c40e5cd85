import { App, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';

const ACTION_LABELS = { insert: '新增', update: '修改', delete: '删除' } as const;

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Everything that ever changed this person's records, newest first, each with 撤销. */
export function PersonHistory({ personId, version, onUndone }: { personId: number; version: number; onUndone: () => void }) {
  const { data, loading, error, reload } = useApi(() => api['personnel.history']({ id: personId }), `history-${personId}-${version}`);
  const { message, modal } = App.useApp();
  const undo = (operationId: number, summary: string) =>
    modal.confirm({
      title: `撤销“${summary}”？`,
      content: '该操作写入的所有内容都会恢复原样。如果其中的记录之后又被修改过，需要先撤销之后的操作。',
      okText: '撤销',
      cancelText: '取消',
      onOk: async () => {
        try {
          await unwrap(api['history.undo']({ operationId }));
          void message.success('已撤销');
          reload();
          onUndone();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  if (error) return <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  return (
    <List
      loading={loading}
      dataSource={data?.entries ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有变更记录" /> }}
      data-testid="person-history"
      renderItem={(entry) => (
        <List.Item
          actions={
            entry.undoneBy === null && entry.kind !== 'undo' && entry.kind !== 'sample_data'
              ? [
                  <Button key="undo" size="small" type="link" onClick={() => void undo(entry.operationId, entry.summary)}>
                    撤销
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space size={8} wrap>
                <Typography.Text className="tabular" type="secondary">
                  {localTime(entry.at)}
                </Typography.Text>
                <span style={entry.undoneBy !== null ? { textDecoration: 'line-through', color: '#999' } : undefined}>{entry.summary}</span>
                {entry.undoneBy !== null ? <Tag>已撤销</Tag> : null}
                <Typography.Text type="secondary">经办人：{entry.operator}</Typography.Text>
              </Space>
            }
            description={
              <div>
                {entry.changes.map((c, i) => (
                  <div key={i}>
                    {ACTION_LABELS[c.action]} {c.label}
                    {c.fields.length > 0 ? '：' : ''}
                    {c.fields.map((f) => `${f.field} ${f.before ?? '（空）'} → ${f.after ?? '（空）'}`).join('；')}
                  </div>
                ))}
              </div>
            }
          />
        </List.Item>
      )}
    />
  );
}
