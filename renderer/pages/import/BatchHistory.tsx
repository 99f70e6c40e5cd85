import { UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import type { BatchRow } from '../../../shared/api/methods/import.ts';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/import/import-kinds.ts';
import { formatDateTime } from '../../../shared/domain/dates.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';

function kindLabel(kind: string): string {
  return kind === 'mixed' ? '多种（目录、清单等）' : (IMPORT_KIND_LABELS[kind as ImportKind] ?? kind);
}

/** Every committed file (import batch), newest first, each with 撤销. */
export function BatchHistory({ refreshKey, onUndone }: { refreshKey: number; onUndone: () => void }) {
  const { data, reload } = useApi(() => api['import.batches']({ limit: 50 }), `import-batches-${refreshKey}`);
  const { modal, message } = App.useApp();

  const undo = (batch: BatchRow) =>
    modal.confirm({
      title: `撤销导入“${batch.fileName}”？`,
      content: '这次导入新增的记录将被删除，修改和注销将恢复原状。如果其中的记录此后又被修改过，撤销会被拒绝，不作任何改动。',
      okText: '撤销导入',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await unwrap(api['import.undoBatch']({ batchId: batch.batchId }));
          void message.success(`已撤销导入“${batch.fileName}”`);
          reload();
          onUndone();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  const columns: TableColumn<BatchRow>[] = [
    { title: '时间', dataIndex: 'committedAt', width: 160, sortValue: (b) => b.committedAt, render: (v: string) => <span className="tabular">{formatDateTime(v)}</span> },
    { title: '文件', dataIndex: 'fileName', ellipsis: true, sortValue: (b) => b.fileName },
    { title: '单位', dataIndex: 'unitName', width: 170, ellipsis: true, sortValue: (b) => b.unitName, render: (v: string | null, b) => v ?? (b.kind === 'units' ? '—' : '多个单位') },
    { title: '内容', dataIndex: 'kind', width: 150, sortValue: (b) => kindLabel(b.kind), render: (v: string) => kindLabel(v) },
    { title: '新增', dataIndex: 'rowsAdded', width: 70, align: 'right', sortValue: (b) => b.rowsAdded },
    { title: '修改', dataIndex: 'rowsChanged', width: 70, align: 'right', sortValue: (b) => b.rowsChanged },
    { title: '经办人', dataIndex: 'operator', width: 90, sortValue: (b) => b.operator },
    {
      title: '',
      key: 'undo',
      width: 100,
      render: (_v, b) =>
        b.undone ? (
          <Tag>已撤销</Tag>
        ) : (
          <Button size="small" icon={<UndoOutlined />} onClick={() => void undo(b)} data-testid={`undo-batch-${b.batchId}`}>
            撤销
          </Button>
        ),
    },
  ];

  const table = useTableColumns('import-batches', columns, data?.batches ?? null);

  return (
    <Card
      title="导入记录"
      size="small"
      className="import-card"
      data-testid="import-batches"
      extra={<TableExportMenu query={{ kind: 'import-batches' }} sort={table.sort} disabled={!data || data.batches.length === 0} />}
    >
      {data && data.batches.length === 0 ? (
        <Typography.Text type="secondary">还没有导入过文件。</Typography.Text>
      ) : (
        <Table<BatchRow>
          rowKey="batchId"
          size="small"
          columns={table.columns}
          {...table.tableProps}
          dataSource={table.rows}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          tableLayout="fixed"
          data-testid="import-batches-table"
        />
      )}
    </Card>
  );
}
