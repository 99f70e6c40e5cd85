import { CheckCircleFilled, EditOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { CatalogStatistics, ReconciliationRowOut } from '../../../shared/api/methods/catalog.ts';
import type { FigureKey } from '../../../shared/domain/reported-figures.ts';
import { PUBLICATION_STATUSES } from '../../../shared/domain/publication-status.ts';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import { api, errorMessage } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { PublicationTag } from './PublicationTag.tsx';
import { ReportedFiguresEditor } from './ReportedFiguresEditor.tsx';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';

type AgencyStat = CatalogStatistics['agencies'][number];

const fmt = (n: number) => n.toLocaleString('zh-CN');

/** A difference is always shown: red when the registry holds more, orange when fewer. */
export function Difference({ value }: { value: number | null }) {
  if (value === null) return <Typography.Text type="secondary">报告未列</Typography.Text>;
  if (value === 0)
    return (
      <span className="catalog-diff-zero">
        <CheckCircleFilled /> 一致
      </span>
    );
  return (
    <span className={value > 0 ? 'catalog-diff-up' : 'catalog-diff-down'} data-testid="difference">
      <WarningFilled /> {value > 0 ? `台账多 ${fmt(value)}` : `台账少 ${fmt(-value)}`}
    </span>
  );
}

/** A registry count, with the agency's reported figure beside it when that differs. */
function CountCell({ value, reported }: { value: number; reported: number | null | undefined }) {
  if (reported === null || reported === undefined || reported === value) return <span className="tabular">{fmt(value)}</span>;
  const d = value - reported;
  return (
    <Tooltip title={`报告 ${fmt(reported)}，台账${d > 0 ? '多' : '少'} ${fmt(Math.abs(d))}`}>
      <span className="tabular">
        {fmt(value)} <span className={d > 0 ? 'catalog-diff-up' : 'catalog-diff-down'}>（报 {fmt(reported)}）</span>
      </span>
    </Tooltip>
  );
}

function agencyCols(): TableColumn<AgencyStat>[] {
  const col = (key: FigureKey, title: string, width = 96): TableColumn<AgencyStat> => ({
    title,
    key,
    width,
    align: 'right' as const,
    sortValue: (a) => a.counts[key],
    onCell: (a: AgencyStat) => ({ className: a.reported && a.reported[key] !== null && a.reported[key] !== a.counts[key] ? 'catalog-cell-diff' : '' }),
    render: (_v: unknown, a: AgencyStat) => <CountCell value={a.counts[key]} reported={a.reported?.[key]} />,
  });
  return [
    { title: '单位', dataIndex: 'name', width: 180, fixed: 'left', ellipsis: true, sortValue: (a) => a.name, render: (v: string) => <span title={v}>{v}</span> },
    col('general', '一般', 76),
    col('key', '重点', 76),
    col('items', '事项合计'),
    col('no_penalty', '不予处罚'),
    col('lighter_penalty', '从轻处罚'),
    col('reduced_penalty', '减轻处罚'),
    col('no_coercion', '不予强制'),
    {
      title: '发布状态',
      key: 'status',
      width: 130,
      sortValue: (a) => PUBLICATION_STATUSES.indexOf(a.publication.status),
      filterOptions: PUBLICATION_STATUSES,
      filterValue: (a) => a.publication.status,
      render: (_v, a) => <PublicationTag publication={a.publication} />,
    },
    {
      title: '报告中已发布',
      key: 'named',
      width: 104,
      align: 'center',
      sortValue: (a) => a.namedInReport,
      render: (_v, a) =>
        a.namedInReport === (a.publication.status === '已发布') ? (
          a.namedInReport ? (
            '是'
          ) : (
            <span className="catalog-empty">否</span>
          )
        ) : (
          <Tooltip title={a.namedInReport ? '报告列为已发布，但台账中不是“已发布”' : '台账中已发布，但报告未列出'}>
            <span className="catalog-diff-up">
              <WarningFilled /> {a.namedInReport ? '是' : '否'}
            </span>
          </Tooltip>
        ),
    },
  ];
}

const AGENCY_COLUMNS = agencyCols();

/** Statistics per agency and in total, set beside the reported figures with every difference shown. */
export function StatisticsView({ version, onChanged }: { version: number; onChanged: () => void }) {
  const [year, setYear] = useState<number | null>(null);
  const stats = useApi(() => api['catalog.statistics']({ year }), `stats:${year}:${version}`);
  const figures = useApi(() => api['catalog.reportedFigures']({}), `figures:${version}`);
  const [editing, setEditing] = useState(false);
  const s = stats.data;
  const report = s?.report ?? null;
  const agencies = useTableColumns('catalog-statistics', AGENCY_COLUMNS, s?.agencies ?? null);
  const reconColumns: ColumnsType<ReconciliationRowOut> = [
    { title: '项目', dataIndex: 'label' },
    { title: '报告数', dataIndex: 'reported', width: 100, align: 'right', render: (v: number | null) => (v === null ? '—' : <span className="tabular">{fmt(v)}</span>) },
    { title: '台账数', dataIndex: 'registry', width: 100, align: 'right', render: (v: number) => <span className="tabular">{fmt(v)}</span> },
    { title: '差异', dataIndex: 'difference', width: 130, render: (v: number | null) => <Difference value={v} /> },
  ];

  return (
    <div style={{ paddingTop: 12 }} data-testid="statistics-view">
      {stats.error ? <Alert type="error" showIcon title={errorMessage(stats.error)} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={report ? `与《${report.source}》核对` : '与报告核对'}
            extra={
              <Space>
                {s && s.years.length > 1 ? (
                  <Select size="small" value={report?.year} onChange={(v: number) => setYear(v)} options={s.years.map((y) => ({ value: y, label: `${y} 年度` }))} style={{ width: 110 }} />
                ) : null}
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!figures.data}>
                  编辑报告数字
                </Button>
              </Space>
            }
          >
            {report ? (
              <>
                <Table<ReconciliationRowOut>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={reconColumns}
                  dataSource={report.rows}
                  rowClassName={(r) => (r.difference !== null && r.difference !== 0 ? 'catalog-cell-diff' : '')}
                  data-testid="reconciliation"
                />
                <div style={{ marginTop: 8 }} data-testid="report-consistency">
                  {report.consistency ? (
                    report.consistency.ok ? (
                      <Typography.Text type="secondary">
                        <CheckCircleFilled style={{ color: '#389e0d' }} /> 报告自身核算：{report.consistency.text}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="danger">
                        <WarningFilled /> 报告自身数字不一致：{report.consistency.text}
                      </Typography.Text>
                    )
                  ) : null}
                  {report.agenciesWithDifferences > 0 ? (
                    <div>
                      <Typography.Text type="danger">
                        <WarningFilled /> 有 {report.agenciesWithDifferences} 个单位的分单位报告数字与台账不一致，见下表红底单元格。
                      </Typography.Text>
                    </div>
                  ) : null}
                </div>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有报告数字，点“编辑报告数字”录入" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="发布情况核对">
            {s ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>
                  台账中已发布 <b className="tabular">{s.publishedCount}</b> / {s.agencyCount} 个执法单位
                  {report?.rows.find((r) => r.key === 'published')?.reported != null ? `；报告为 ${report.rows.find((r) => r.key === 'published')?.reported} 个` : ''}
                </Typography.Text>
                {report && report.namedButNotPublished.length + report.publishedButNotNamed.length + report.unresolved.length === 0 ? (
                  <Typography.Text className="catalog-diff-zero">
                    <CheckCircleFilled /> 报告点名的单位与台账中已发布的单位一致
                  </Typography.Text>
                ) : null}
                {report?.namedButNotPublished.length ? (
                  <div>
                    <Typography.Text type="danger">报告列为已发布，台账中不是“已发布”：</Typography.Text>
                    <div>
                      {report.namedButNotPublished.map((n) => (
                        <Tag key={n.unitId} color="red" style={{ marginTop: 4 }}>
                          {n.unitName}（{n.status}）
                        </Tag>
                      ))}
                    </div>
                  </div>
                ) : null}
                {report?.publishedButNotNamed.length ? (
                  <div>
                    <Typography.Text type="danger">台账中已发布，报告未列出：</Typography.Text>
                    <div>
                      {report.publishedButNotNamed.map((n) => (
                        <Tag key={n.unitId} color="orange" style={{ marginTop: 4 }}>
                          {n.unitName}
                        </Tag>
                      ))}
                    </div>
                  </div>
                ) : null}
                {report?.unresolved.length ? (
                  <Alert type="warning" showIcon title={`报告中的单位名称无法对应到台账中的单位：${report.unresolved.join('、')}。可在 设置 › 单位管理 中为单位添加别名。`} />
                ) : null}
              </Space>
            ) : null}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="分单位统计" style={{ marginTop: 16 }} extra={<TableExportMenu query={{ kind: 'statistics', year }} columns={agencyCols()} sort={agencies.sort} disabled={!s} />}>
        <Table<AgencyStat>
          rowKey="unitId"
          size="small"
          bordered
          loading={stats.loading && !s}
          columns={agencies.columns}
          {...agencies.tableProps}
          dataSource={agencies.rows}
          pagination={false}
          scroll={{ x: agencies.scrollX }}
          data-testid="agency-statistics"
          summary={() =>
            s ? (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>合计（{s.agencyCount} 个单位）</Table.Summary.Cell>
                  {(['general', 'key', 'items', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion'] as const).map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 1} align="right">
                      <span className="tabular" data-testid={`total-${k}`}>
                        {fmt(s.totals[k])}
                      </span>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={8}>已发布 {s.publishedCount}</Table.Summary.Cell>
                  <Table.Summary.Cell index={9} />
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
      {editing && figures.data ? (
        <ReportedFiguresEditor
          figures={figures.data}
          year={report?.year ?? null}
          agencies={s?.agencies ?? []}
          onClose={() => setEditing(false)}
          onSaved={(y) => {
            setEditing(false);
            setYear(y);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
