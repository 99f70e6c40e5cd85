import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MissingRecord, SheetCheck } from '../../../shared/import/check-schema.ts';
import { CANCEL_REASONS, type CancelReason } from '../../../shared/domain/certificate-vocabulary.ts';

/**
 * Records of the agency in the registry that the new submission no longer lists. Nothing happens
 * to them unless the clerk decides: a person's certificate can be cancelled (注销, e.g. 调离执法岗位)
 * through the certificate rules; a catalog or list item can be deleted. The decisions travel with
 * the commit, in the same transaction.
 */

export interface MissingChoice {
  action: 'keep' | 'cancel_certificate' | 'delete';
  reason: CancelReason;
  date: string;
}

export function MissingList({
  sheet,
  choices,
  onChange,
  today,
  readOnly,
}: {
  sheet: SheetCheck;
  choices: ReadonlyMap<number, MissingChoice>;
  onChange: (recordId: number, choice: MissingChoice) => void;
  today: string;
  readOnly: boolean;
}) {
  const people = sheet.kind === 'personnel';
  const choiceOf = (m: MissingRecord): MissingChoice => choices.get(m.recordId) ?? { action: 'keep', reason: '调离执法岗位', date: today };
  const actionable = sheet.missing.filter((m) => !people || m.openCertificate);

  const columns: ColumnsType<MissingRecord> = [
    { title: people ? '人员' : '事项', dataIndex: 'label', width: people ? 220 : 360, ellipsis: true },
    { title: '台账中的情况', dataIndex: 'detail', ellipsis: true },
    {
      title: '处理',
      key: 'action',
      width: 420,
      render: (_v, m) => {
        const c = choiceOf(m);
        if (people && !m.openCertificate) return <Typography.Text type="secondary">无有效证件，保留（如需删除请到“执法人员”页面）</Typography.Text>;
        return (
          <Space size={6}>
            <Select<MissingChoice['action']>
              size="small"
              value={c.action}
              disabled={readOnly}
              style={{ width: 110 }}
              onChange={(action) => onChange(m.recordId, { ...c, action })}
              options={
                people
                  ? [
                      { value: 'keep', label: '保留' },
                      { value: 'cancel_certificate', label: '注销证件' },
                    ]
                  : [
                      { value: 'keep', label: '保留' },
                      { value: 'delete', label: '删除' },
                    ]
              }
              data-testid={`missing-action-${m.recordId}`}
            />
            {c.action === 'cancel_certificate' && (
              <>
                <Select<CancelReason>
                  size="small"
                  value={c.reason}
                  disabled={readOnly}
                  style={{ width: 130 }}
                  onChange={(reason) => onChange(m.recordId, { ...c, reason })}
                  options={CANCEL_REASONS.map((r) => ({ value: r, label: r }))}
                />
                <Input size="small" value={c.date} disabled={readOnly} style={{ width: 110 }} placeholder="YYYY-MM-DD" onChange={(e) => onChange(m.recordId, { ...c, date: e.target.value.trim() })} />
              </>
            )}
          </Space>
        );
      },
    },
  ];

  if (sheet.missing.length === 0) return <Typography.Text type="secondary">台账中这个单位的{people ? '人员' : '记录'}都在报送表中。</Typography.Text>;
  return (
    <div data-testid="missing-list">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        message={
          people
            ? `台账中“${sheet.agency?.name ?? ''}”有 ${sheet.missing.length} 人不在这次报送的名册中（其中 ${actionable.length} 人持有效证件）。导入不会删除他们；如确已调离、退休等，可在这里注销其证件，与导入一起生效、一起撤销。`
            : `台账中有 ${sheet.missing.length} 条不在这次报送的表中。导入不会删除它们；如单位已取消这些事项，可选择“删除”，与导入一起生效、一起撤销。`
        }
      />
      {!readOnly && actionable.length > 0 && (
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => actionable.forEach((m) => onChange(m.recordId, { ...choiceOf(m), action: people ? 'cancel_certificate' : 'delete' }))}>
            全部{people ? '注销证件' : '删除'}
          </Button>
          <Button size="small" onClick={() => actionable.forEach((m) => onChange(m.recordId, { ...choiceOf(m), action: 'keep' }))}>
            全部保留
          </Button>
        </Space>
      )}
      <Table<MissingRecord>
        rowKey="recordId"
        size="small"
        columns={columns}
        dataSource={sheet.missing}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        tableLayout="fixed"
      />
    </div>
  );
}
