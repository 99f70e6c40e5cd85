import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { contract } from '../../../shared/api/contract.ts';
import type { DuplicateFlagRow } from '../../../shared/api/methods/catalog.ts';
import { LIST_KIND_SHORT_LABELS, type ListKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useTableColumns, type TableColumn, type TableColumnsResult } from '../../app/table-columns.tsx';
import { maxLengthOf } from '../../forms/contract-rules.ts';
import { CellText } from './Highlighted.tsx';
import type { RecordRef } from './RecordDrawer.tsx';

type Entry = DuplicateFlagRow['entries'][number];

const ENTRY_COLUMNS: TableColumn<Entry>[] = [
  { title: '单位', dataIndex: 'unitName', width: 220, sortValue: (e) => e.unitName },
  { title: '清单', dataIndex: 'listKind', width: 100, sortValue: (e) => LIST_KIND_SHORT_LABELS[e.listKind], render: (k: ListKind) => LIST_KIND_SHORT_LABELS[k] },
  { title: '违法行为', dataIndex: 'violation', sortValue: (e) => e.violation, render: (v: string) => <CellText value={v} /> },
  { title: '适用情形', dataIndex: 'conditions', width: 300, sortValue: (e) => e.conditions, render: (v: string | null) => <CellText value={v} /> },
];

/** Every flag's table shares one header (widths, sort): the cards are one list of the same entries. */
type EntryTable = TableColumnsResult<Entry>;

function FlagCard({ flag, table, onOpen, onReview }: { flag: DuplicateFlagRow; table: EntryTable; onOpen: (ref: RecordRef) => void; onReview: (flag: DuplicateFlagRow, reviewed: boolean) => void }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="duplicate-flag"
      title={
        <Space wrap>
          <Tag color={flag.kind === 'cross_agency' ? 'orange' : 'red'}>{flag.kind === 'cross_agency' ? '跨单位重复' : '同一单位多份清单'}</Tag>
          <Typography.Text>{flag.reason}</Typography.Text>
        </Space>
      }
      extra={
        flag.review ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => onReview(flag, false)}>
            重新待复核
          </Button>
        ) : (
          <Button size="small" type="primary" ghost icon={<CheckOutlined />} onClick={() => onReview(flag, true)}>
            已复核，保留
          </Button>
        )
      }
    >
      <Table<Entry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={table.arrange(flag.entries)}
        onRow={(e) => ({ onClick: () => onOpen({ kind: e.listKind, id: e.id }), style: { cursor: 'pointer' } })}
        columns={table.columns}
        {...table.tableProps}
      />
      {flag.review ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
          {flag.review.operator} 于 {flag.review.reviewedAt.slice(0, 10)} 复核{flag.review.note ? `：${flag.review.note}` : ''}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** Possible duplicates across the four lists, for the clerk to review with the agencies. */
export function DuplicatesView({ version, onOpen }: { version: number; onOpen: (ref: RecordRef) => void }) {
  const [nonce, setNonce] = useState(0);
  const loaded = useApi(() => api['catalog.duplicates']({}), `duplicates:${version}:${nonce}`);
  const { message } = App.useApp();
  const [reviewing, setReviewing] = useState<DuplicateFlagRow | null>(null);
  const table = useTableColumns('duplicates', ENTRY_COLUMNS, null);
  const [note, setNote] = useState('');
  const flags = loaded.data?.flags ?? [];
  const open = flags.filter((f) => !f.review);
  const done = flags.filter((f) => f.review);

  const setReviewed = async (flag: DuplicateFlagRow, reviewed: boolean, text: string | null) => {
    try {
      await unwrap(api['catalog.reviewDuplicate']({ key: flag.key, reviewed, note: text }));
      void message.success(reviewed ? '已标记为已复核' : '已改回待复核');
      setNonce((n) => n + 1);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const onReview = (flag: DuplicateFlagRow, reviewed: boolean) => {
    if (reviewed) {
      setNote('');
      setReviewing(flag);
    } else void setReviewed(flag, false, null);
  };

  return (
    <div style={{ paddingTop: 12 }} data-testid="duplicates-view">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="比对规则：忽略全角半角、空格换行、标点、序号、结尾的“的”，“之”视同“的”，“或者”视同“或”。提示两类情况：同一违法行为出现在两个以上单位的清单中；同一单位把同一违法行为同时列入“不予处罚”和“从轻处罚”或“减轻处罚”清单（或在一份清单中重复列出）。点击行可查看原文。"
      />
      {loaded.error ? <Alert type="error" showIcon title={errorMessage(loaded.error)} /> : null}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        待复核（{open.length}）
      </Typography.Title>
      {open.length === 0 && loaded.data ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待复核的疑似重复事项" /> : null}
      <div style={{ maxHeight: 'calc(100vh - 330px)', overflowY: 'auto' }}>
        {open.map((f) => (
          <FlagCard key={f.key} flag={f} table={table} onOpen={onOpen} onReview={onReview} />
        ))}
        {done.length > 0 ? (
          <Collapse items={[{ key: 'done', label: `已复核（${done.length}）`, children: done.map((f) => <FlagCard key={f.key} flag={f} table={table} onOpen={onOpen} onReview={onReview} />) }]} />
        ) : null}
      </div>
      <Modal
        open={reviewing !== null}
        title="标记为已复核"
        okText="确定"
        cancelText="取消"
        onCancel={() => setReviewing(null)}
        onOk={() => {
          if (reviewing) void setReviewed(reviewing, true, note.trim() || null);
          setReviewing(null);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>复核后仍保留这些事项。若以后又有单位列入同一违法行为，会重新提示。</Typography.Paragraph>
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={maxLengthOf(contract['catalog.reviewDuplicate'].input.shape.note)}
          placeholder="复核意见（可不填），如：两单位职责交叉，均保留"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </div>
  );
}
