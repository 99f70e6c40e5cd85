import { MailOutlined, PrinterOutlined, ReadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useToday } from '../../app/registry-env.tsx';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import type { OutputOf } from '../../../shared/api/define.ts';
import type { trainingMethods } from '../../../shared/api/methods/training.ts';
import { CERT_STATUSES } from '../../../shared/domain/certificate-status.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { StatusTag } from './status-tag.tsx';
import { TrainingDialog } from './TrainingDialog.tsx';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';

type TrainingSummary = OutputOf<(typeof trainingMethods)['training.summary']>;

type PersonRow = TrainingSummary['people'][number];
type UnitRow = TrainingSummary['units'][number];

const PEOPLE_COLUMNS: TableColumn<PersonRow>[] = [
  { title: '单位', dataIndex: 'unitName', ellipsis: true, width: 220, sortValue: (r) => r.unitName },
  { title: '姓名', dataIndex: 'name', width: 90, sortValue: (r) => r.name, render: (v: string, r) => <a onClick={() => navigate(`/personnel/${r.personId}`)}>{v}</a> },
  { title: '职务', dataIndex: 'post', width: 120, ellipsis: true, sortValue: (r) => r.post, render: (v: string | null) => v ?? '—' },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    sortValue: (r) => CERT_STATUSES.indexOf(r.status),
    filterOptions: CERT_STATUSES,
    filterValue: (r) => r.status,
    render: (_v: unknown, r) => <StatusTag status={r.status} />,
  },
  { title: '培训次数', dataIndex: 'courses', width: 100, align: 'right', sortValue: (r) => r.courses },
  { title: '已完成学时', dataIndex: 'hours', width: 112, align: 'right', sortValue: (r) => r.hours },
  {
    title: '尚差学时',
    dataIndex: 'shortfall',
    width: 100,
    align: 'right',
    sortValue: (r) => r.shortfall,
    render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : <Tag color="green">达标</Tag>),
  },
];

const UNIT_COLUMNS: TableColumn<UnitRow>[] = [
  { title: '单位', dataIndex: 'unitName', ellipsis: true, sortValue: (r) => r.unitName },
  { title: '应参训', dataIndex: 'required', width: 84, align: 'right', sortValue: (r) => r.required },
  {
    title: '不足',
    dataIndex: 'short',
    width: 70,
    align: 'right',
    sortValue: (r) => r.short,
    render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
  },
  { title: '人均学时', dataIndex: 'averageHours', width: 98, align: 'right', sortValue: (r) => r.averageHours },
];

/** Training hours per year against the requirement: who falls short, per unit, and a print of the list. */
export function TrainingView() {
  const thisYear = Number(useToday().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [onlyShort, setOnlyShort] = useState(true);
  const [selected, setSelected] = useState<number[]>([]);
  const [adding, setAdding] = useState(false);
  const effectiveYear = year ?? thisYear;
  const summary = useApi(() => api['training.summary']({ year: effectiveYear, unitIds, onlyShort }), `training-${effectiveYear}-${unitIds.join(',')}-${onlyShort}`);
  const units = useApi(() => api['units.list']({}), 'training-units');
  const showUndo = useUndoNotice();
  const data = summary.data;
  const people = useTableColumns('training-people', PEOPLE_COLUMNS, data?.people ?? null);
  const perUnit = useTableColumns('training-units', UNIT_COLUMNS, data?.units ?? null);
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
          <TableExportMenu query={{ kind: 'training-people', year: effectiveYear, unitIds, onlyShort }} sort={people.sort} size="middle" />
          <Button icon={<ReadOutlined />} disabled={selected.length === 0} onClick={() => setAdding(true)}>
            {selected.length > 0 ? `为已选 ${selected.length} 人登记培训` : '登记培训（先勾选人员）'}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/training-short?${printQuery.toString()}`)}>
            打印学时不足名单
          </Button>
          <Button icon={<MailOutlined />} onClick={() => navigate(`/print/training-notice?${printQuery.toString()}`)} data-testid="print-training-notice">
            参训督促通知
          </Button>
        </Space>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xxl={16}>
          <Table
            size="small"
            rowKey="personId"
            loading={summary.loading}
            dataSource={people.rows}
            pagination={{ pageSize: 50, showSizeChanger: false, size: 'small', showTotal: (n) => `共 ${n} 人` }}
            scroll={{ x: people.scrollX, y: 'calc(100vh - 340px)' }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
            columns={people.columns}
            {...people.tableProps}
            data-testid="training-table"
          />
        </Col>
        <Col xs={24} xxl={8}>
          <Card size="small" title="各单位情况" style={{ marginTop: 16 }} extra={<TableExportMenu query={{ kind: 'training-units', year: effectiveYear, unitIds, onlyShort }} sort={perUnit.sort} />}>
            <Table size="small" rowKey="unitId" pagination={false} scroll={{ y: 400 }} dataSource={perUnit.rows} columns={perUnit.columns} {...perUnit.tableProps} data-testid="training-units-table" />
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
