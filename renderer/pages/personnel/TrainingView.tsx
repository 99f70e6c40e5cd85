import { FileExcelOutlined, MailOutlined, PrinterOutlined, ReadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useToday } from '../../app/registry-env.tsx';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { useRosterDownload } from '../export/download.ts';
import { StatusTag } from './status-tag.tsx';
import { TrainingDialog } from './TrainingDialog.tsx';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';

/** Training hours per year against the requirement: who falls short, per unit, and a print of the list. */
export function TrainingView() {
  const thisYear = Number(useToday().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [onlyShort, setOnlyShort] = useState(true);
  const [selected, setSelected] = useState<number[]>([]);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const effectiveYear = year ?? thisYear;
  const summary = useApi(() => api['training.summary']({ year: effectiveYear, unitIds, onlyShort }), `training-${effectiveYear}-${unitIds.join(',')}-${onlyShort}`);
  const units = useApi(() => api['units.list']({}), 'training-units');
  const showUndo = useUndoNotice();
  const download = useRosterDownload();
  const data = summary.data;
  const printQuery = new URLSearchParams({ year: String(effectiveYear), ...(unitIds.length ? { units: unitIds.join(',') } : {}) });

  return (
    <div>
      <Space wrap style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select value={effectiveYear} onChange={(y: number) => setYear(y)} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d} 年度` }))} style={{ width: 120 }} />
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部单位"
            maxTagCount="responsive"
            options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={unitIds}
            onChange={(v: number[]) => setUnitIds(v)}
            style={{ width: 260 }}
          />
          <Checkbox checked={onlyShort} onChange={(e) => setOnlyShort(e.target.checked)} data-testid="training-only-short">
            只看学时不足
          </Checkbox>
          <Typography.Text type="secondary" data-testid="training-count">
            {data ? `${onlyShort ? '学时不足' : '应参训'} ${data.people.length} 人（年度要求 ${data.requiredHours} 学时${effectiveYear === thisYear ? '，统计截至今天' : ''}）` : ''}
          </Typography.Text>
        </Space>
        <Space>
          <TableExportMenu query={{ kind: 'training-people', year: effectiveYear, unitIds, onlyShort }} size="middle" />
          <Button icon={<ReadOutlined />} disabled={selected.length === 0} onClick={() => setAdding(true)}>
            {selected.length > 0 ? `为已选 ${selected.length} 人登记培训` : '登记培训（先勾选人员）'}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/training-short?${printQuery.toString()}`)}>
            打印学时不足名单
          </Button>
          <Button icon={<MailOutlined />} onClick={() => navigate(`/print/training-notice?${printQuery.toString()}`)} data-testid="print-training-notice">
            参训督促通知
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            loading={busy}
            onClick={() => {
              setBusy(true);
              void download({ kind: 'training-short', year: effectiveYear, unitIds }).finally(() => setBusy(false));
            }}
          >
            导出 Excel
          </Button>
        </Space>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xxl={16}>
          <Table
            size="small"
            rowKey="personId"
            loading={summary.loading}
            dataSource={data?.people ?? []}
            pagination={{ pageSize: 50, showSizeChanger: false, size: 'small', showTotal: (n) => `共 ${n} 人` }}
            scroll={{ y: 'calc(100vh - 340px)' }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
            columns={[
              { title: '单位', dataIndex: 'unitName', ellipsis: true, width: 220 },
              { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, r) => <a onClick={() => navigate(`/personnel/${r.personId}`)}>{v}</a> },
              { title: '职务', dataIndex: 'post', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
              { title: '状态', dataIndex: 'status', width: 96, render: (_v: unknown, r) => <StatusTag status={r.status} /> },
              { title: '培训次数', dataIndex: 'courses', width: 84, align: 'right' },
              { title: '已完成学时', dataIndex: 'hours', width: 96, align: 'right', sorter: (a, b) => a.hours - b.hours },
              {
                title: '尚差学时',
                dataIndex: 'shortfall',
                width: 88,
                align: 'right',
                sorter: (a, b) => a.shortfall - b.shortfall,
                render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : <Tag color="green">达标</Tag>),
              },
            ]}
          />
        </Col>
        <Col xs={24} xxl={8}>
          <Card size="small" title="各单位情况" style={{ marginTop: 16 }} extra={<TableExportMenu query={{ kind: 'training-units', year: effectiveYear, unitIds, onlyShort }} />}>
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              scroll={{ y: 400 }}
              dataSource={data?.units ?? []}
              columns={[
                { title: '单位', dataIndex: 'unitName', ellipsis: true },
                { title: '应参训', dataIndex: 'required', width: 64, align: 'right' },
                {
                  title: '不足',
                  dataIndex: 'short',
                  width: 56,
                  align: 'right',
                  sorter: (a, b) => a.short - b.short,
                  render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
                },
                { title: '人均学时', dataIndex: 'averageHours', width: 76, align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {adding ? (
        <TrainingDialog
          personIds={selected}
          onClose={() => setAdding(false)}
          onSaved={(text, operationId) => {
            setAdding(false);
            setSelected([]);
            showUndo(text, operationId, summary.reload);
            summary.reload();
          }}
        />
      ) : null}
    </div>
  );
}
