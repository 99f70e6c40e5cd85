import { ApartmentOutlined, ExperimentOutlined, FileProtectOutlined, ImportOutlined, ReloadOutlined, SafetyCertificateOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Overview } from '../../../shared/api/methods/overview.ts';
import { CERT_STATUS_CATEGORIES, IN_FORCE_STATUSES, rosterStatusLink, type CertStatusCategory } from '../../../shared/domain/certificate-status.ts';
import { LIST_KIND_LABELS, LIST_KINDS } from '../../../shared/domain/list-kinds.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useReloadRegistryEnv, useSettings } from '../../app/registry-env.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { OperatorNameFirstRun } from '../../app/OperatorName.tsx';
import { OverviewDashboard } from './dashboard/OverviewDashboard.tsx';

/**
 * An empty registry: three ways to begin. 设置本单位 sets up a real county (the bureau, its region
 * code, the operator, the unit list); 导入数据 goes straight to the agencies' files (units they name
 * are added as they come); 生成示例数据 fills the registry with sample data for training, and the
 * program marks it as such everywhere.
 */
function FirstRun({ onGenerated }: { onGenerated: () => void }) {
  const { message, modal } = App.useApp();
  const settings = useSettings();
  const [busy, setBusy] = useState(false);
  const generate = () => {
    modal.confirm({
      title: '生成示例数据？',
      content:
        '将生成一套与沅江市2023年法治政府建设报告数字一致的示例台账（37个单位、1,060名人员、1,771项检查事项和四项清单），仅用于熟悉和培训。示例数据会一直标为“示例数据”，不能与真实台账混用；正式使用请另建数据文件夹。',
      okText: '生成示例数据',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          const summary = await unwrap(api['system.generateSampleData']({ seed: 2023 }));
          void message.success(`已生成示例数据：${summary.units} 个单位、${summary.personnel} 名人员`);
          onGenerated();
        } catch (err) {
          void message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      },
    });
  };
  const setUp = settings.countyName !== '' && settings.regionCode !== '';
  return (
    <Card data-testid="first-run">
      <Space orientation="vertical" size={4} style={{ marginBottom: 20 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          欢迎使用执法台账
        </Typography.Title>
        <Typography.Text type="secondary">台账中还没有数据。正式使用时，先设置本单位和单位名单，再导入各单位报送的名册、检查事项目录和四项清单。</Typography.Text>
      </Space>
      <OperatorNameFirstRun />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            style={{ height: '100%' }}
            title={
              <span>
                <ApartmentOutlined /> 设置本单位
              </span>
            }
            extra={setUp ? <Tag color="green">已设置</Tag> : <Tag color="blue">第一步</Tag>}
          >
            <Typography.Paragraph type="secondary">
              {setUp
                ? `${settings.bureauName}（${settings.countyName}，${settings.regionCode}）。下一步导入单位名单。`
                : '填写本局名称、县（市、区）及行政区划代码、经办人，再导入单位名单（市直单位、乡镇（街道）和行政执法单位）。'}
            </Typography.Paragraph>
            <Button type="primary" onClick={() => navigate(setUp ? '/setup?step=1' : '/setup')} data-testid="start-setup">
              {setUp ? '导入单位名单' : '设置本单位'}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            style={{ height: '100%' }}
            title={
              <span>
                <ImportOutlined /> 导入数据
              </span>
            }
          >
            <Typography.Paragraph type="secondary">直接导入各单位报送的文件。文件中提到、单位名单中没有的单位，会列出来，确认后随文件一并新增。</Typography.Paragraph>
            <Button onClick={() => navigate('/import')} data-testid="start-import">
              导入数据
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            style={{ height: '100%' }}
            title={
              <span>
                <ExperimentOutlined /> 生成示例数据
              </span>
            }
            extra={<Tag color="orange">培训用</Tag>}
          >
            <Typography.Paragraph type="secondary">一套模拟的沅江市台账，用于熟悉程序和培训，不是真实数据。生成后程序顶部一直显示“示例数据”。</Typography.Paragraph>
            <Button loading={busy} onClick={generate} data-testid="generate-sample-data">
              生成示例数据
            </Button>
          </Card>
        </Col>
      </Row>
    </Card>
  );
}

/** A figure that opens the list it counts (the list shows the same number). */
function FigureLink({ to, testId, children }: { to: string; testId: string; children: React.ReactNode }) {
  return (
    <a onClick={() => navigate(to)} data-testid={testId} className="figure-link">
      {children}
    </a>
  );
}

function StatCard({ title, value, icon, footer, testId, to }: { title: string; value: number; icon: React.ReactNode; footer?: React.ReactNode; testId: string; to: string }) {
  return (
    <Card size="small" styles={{ body: { padding: '16px 20px' } }}>
      <Statistic
        title={
          <span>
            {icon} {title}
          </span>
        }
        value={value}
        groupSeparator=","
        valueStyle={{ fontSize: 28 }}
        valueRender={(node) => (
          <FigureLink to={to} testId={`${testId}-link`}>
            {node}
          </FigureLink>
        )}
        className="tabular"
        data-testid={testId}
      />
      {footer ? <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.55)' }}>{footer}</div> : null}
    </Card>
  );
}

function fmt(n: number): string {
  return n.toLocaleString('zh-CN');
}

const STATUS_COLORS: Partial<Record<CertStatusCategory, string>> = { expiring: '#d46b08', expired: '#cf1322', none: '#8c8c8c' };

/** The roster of a unit kind's people is not a filter of its own; the unit list is. */
const unitsLink = (kind?: UnitKind) => `/settings/units${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`;

function OverviewBody({ data }: { data: Overview }) {
  const { units, personnel, certificates, inspectionItems, lists, publications } = data;
  const publishedPct = publications.agencies === 0 ? 0 : Math.round((publications.published / publications.agencies) * 100);
  const maxIssued = Math.max(1, ...certificates.issuedByYear.map((y) => y.count));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} xl={6}>
          <StatCard
            title="单位"
            value={units.total}
            icon={<ApartmentOutlined />}
            testId="stat-units"
            to={unitsLink()}
            footer={
              <>
                市直单位{' '}
                <FigureLink to={unitsLink('市直单位')} testId="stat-units-municipal-link">
                  {fmt(units.municipal)}
                </FigureLink>{' '}
                个，乡镇（街道）
                <FigureLink to={unitsLink('乡镇街道')} testId="stat-units-township-link">
                  {fmt(units.township)}
                </FigureLink>{' '}
                个
              </>
            }
          />
        </Col>
        <Col xs={12} xl={6}>
          <StatCard
            title="行政执法人员"
            value={personnel.enforcement}
            icon={<TeamOutlined />}
            testId="stat-enforcement"
            to={`/personnel?kind=${encodeURIComponent('执法人员')}`}
            footer={
              <>
                法制审核人员{' '}
                <FigureLink to="/personnel?reviewers=1" testId="stat-reviewers-link">
                  {fmt(personnel.legalReviewers)}
                </FigureLink>{' '}
                名
              </>
            }
          />
        </Col>
        <Col xs={12} xl={6}>
          <StatCard
            title="行政执法监督人员"
            value={personnel.supervision}
            icon={<SafetyCertificateOutlined />}
            testId="stat-supervision"
            to={`/personnel?kind=${encodeURIComponent('监督人员')}`}
            footer="持行政执法监督证"
          />
        </Col>
        <Col xs={12} xl={6}>
          <StatCard
            title="分类检查事项"
            value={inspectionItems.total}
            icon={<FileProtectOutlined />}
            testId="stat-items"
            to="/catalog"
            footer={
              <>
                一般检查事项{' '}
                <FigureLink to={`/catalog?category=${encodeURIComponent('一般检查事项')}`} testId="stat-items-general-link">
                  {fmt(inspectionItems.general)}
                </FigureLink>{' '}
                项，重点检查事项{' '}
                <FigureLink to={`/catalog?category=${encodeURIComponent('重点检查事项')}`} testId="stat-items-key-link">
                  {fmt(inspectionItems.key)}
                </FigureLink>{' '}
                项
              </>
            }
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title="证件状态"
            size="small"
            extra={
              <Typography.Text type="secondary">
                截至 {data.today}，共 {fmt(personnel.total)} 人
              </Typography.Text>
            }
          >
            {/* The roster's status filter offers these same groups, in these words (CERT_STATUS_CATEGORIES). */}
            <Row gutter={[8, 12]} data-testid="status-figures">
              <Col span={6}>
                <Statistic
                  title={`持证（${IN_FORCE_STATUSES.join('＋')}）`}
                  value={certificates.inForce}
                  groupSeparator=","
                  valueRender={(node) => (
                    <FigureLink to={rosterStatusLink(IN_FORCE_STATUSES)} testId="stat-in-force-link">
                      {node}
                    </FigureLink>
                  )}
                  data-testid="stat-in-force"
                />
              </Col>
              {CERT_STATUS_CATEGORIES.map((c) => (
                <Col span={6} key={c.key}>
                  <Statistic
                    title={c.label}
                    value={certificates.categories[c.key]}
                    groupSeparator=","
                    valueStyle={STATUS_COLORS[c.key] ? { color: STATUS_COLORS[c.key] } : undefined}
                    valueRender={(node) => (
                      <FigureLink to={rosterStatusLink(c.statuses)} testId={`stat-status-${c.key}-link`}>
                        {node}
                      </FigureLink>
                    )}
                    data-testid={`stat-status-${c.key}`}
                  />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="历年发证人数" size="small" styles={{ body: { paddingTop: 8 } }}>
            {certificates.issuedByYear.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无发证记录" />
            ) : (
              <div data-testid="issued-by-year">
                {certificates.issuedByYear.map((y) => (
                  <div key={y.year} style={{ display: 'flex', alignItems: 'center', gap: 12, height: 28 }}>
                    <span style={{ width: 48 }} className="tabular">
                      {y.year}
                    </span>
                    <Progress percent={(y.count / maxIssued) * 100} showInfo={false} style={{ flex: 1, margin: 0 }} />
                    <span style={{ width: 64, textAlign: 'right' }} className="tabular">
                      <FigureLink to={`/personnel?flow=issued:${y.year}`} testId={`issued-${y.year}-link`}>
                        {fmt(y.count)}
                      </FigureLink>{' '}
                      人
                    </span>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="四项清单" size="small">
            <Table
              size="small"
              pagination={false}
              rowKey="kind"
              data-testid="list-counts"
              dataSource={LIST_KINDS.map((kind) => ({ kind, label: LIST_KIND_LABELS[kind], count: lists[kind] }))}
              columns={[
                { title: '清单', dataIndex: 'label' },
                {
                  title: '事项数',
                  dataIndex: 'count',
                  align: 'right',
                  render: (v: number, row) => (
                    <FigureLink to={`/lists/${row.kind}`} testId={`list-count-${row.kind}-link`}>
                      <span className="tabular">{fmt(v)}</span>
                    </FigureLink>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="“一目录四清单”发布情况" size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Statistic
                title="已以规范性文件发布的执法单位"
                value={publications.published}
                valueRender={(node) => (
                  <FigureLink to={`/catalog/publications?status=${encodeURIComponent('已发布')}`} testId="stat-published-link">
                    {node}
                  </FigureLink>
                )}
                suffix={`/ ${publications.agencies}`}
                data-testid="stat-published"
              />
              <Progress percent={publishedPct} />
              <Typography.Text type="secondary" data-testid="publication-gaps">
                {publications.unpublished + publications.expired > 0 ? (
                  <>
                    未发布{' '}
                    <FigureLink to={`/catalog/publications?status=${encodeURIComponent('未发布')}`} testId="stat-unpublished-link">
                      <Tag color="orange">{publications.unpublished}</Tag>
                    </FigureLink>
                    个，已失效{' '}
                    <FigureLink to={`/catalog/publications?status=${encodeURIComponent('已失效')}`} testId="stat-publication-expired-link">
                      <Tag color="red">{publications.expired}</Tag>
                    </FigureLink>
                    个执法单位
                  </>
                ) : (
                  '全部执法单位均已发布'
                )}
              </Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
      {data.dataProblems.staffingNotReported > 0 && (
        <Card
          title={
            <span>
              <WarningOutlined /> 数据问题
            </span>
          }
          size="small"
          data-testid="data-problems"
        >
          <Space orientation="vertical">
            <Typography.Link onClick={() => navigate(`/personnel?staffing=${encodeURIComponent('未填写')}`)} data-testid="problem-staffing">
              {fmt(data.dataProblems.staffingNotReported)} 名人员的编制类型未填写（报送名册中没有），请向单位核实后补填
            </Typography.Link>
            <Typography.Text type="secondary">编制类型未填写的人员可以持证，但在补填之前，持证资格和培训、法制审核人员的统计都按“待核实”处理。</Typography.Text>
          </Space>
        </Card>
      )}
    </Space>
  );
}

export function OverviewPage() {
  const info = useApi(() => api['system.info']({}), 'info');
  const overview = useApi(() => api['overview.get']({}), 'overview');
  const reloadEnv = useReloadRegistryEnv();
  const reload = () => {
    info.reload();
    overview.reload();
    // The shell's marks (示例数据) come from the shared environment.
    void reloadEnv();
  };
  return (
    <div>
      <div className="page-header">
        <h1>概览</h1>
        <Button icon={<ReloadOutlined />} onClick={reload} className="no-print">
          刷新
        </Button>
      </div>
      {info.error || overview.error ? <Alert type="error" showIcon message={errorMessage(info.error ?? overview.error)} style={{ marginBottom: 16 }} /> : null}
      {info.loading && !info.data ? (
        <Skeleton active />
      ) : info.data?.isEmpty ? (
        <FirstRun onGenerated={reload} />
      ) : overview.data ? (
        <>
          <OverviewBody data={overview.data} />
          <OverviewDashboard />
        </>
      ) : (
        <Skeleton active />
      )}
    </div>
  );
}
