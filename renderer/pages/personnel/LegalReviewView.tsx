import { Alert, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { navigate } from '../../app/use-hash-route.ts';
import './personnel.css';

/** Legal-review staff per unit against the minimum share (5 % by default); units below it are flagged. */
export function LegalReviewView() {
  const { data, loading } = useApi(() => api['personnel.legalReview']({}), 'legal-review');
  const below = (data?.units ?? []).filter((u) => !u.meetsRule);
  const pct = data ? `${Math.round(data.minRatio * 1000) / 10}%` : '5%';
  return (
    <div>
      {data ? (
        <Alert
          type={below.length > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="legal-review-summary"
          message={
            below.length > 0 ? `${below.length} 个单位的法制审核人员少于本单位在岗执法人员的 ${pct}：${below.map((u) => u.unitName).join('、')}` : `各单位法制审核人员均不少于在岗执法人员的 ${pct}`
          }
          description={`在岗执法人员：编制内、证件未注销或吊销的执法人员。所需人数向上取整（${pct} × 人数），比例可在 设置 › 业务规则 中修改。`}
        />
      ) : null}
      <Table
        size="small"
        rowKey="unitId"
        loading={loading}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 360px)' }}
        rowClassName={(u) => (u.meetsRule ? '' : 'row-flagged')}
        columns={[
          { title: '单位', dataIndex: 'unitName', render: (v: string, u) => <a onClick={() => navigate(`/personnel?units=${u.unitId}&reviewers=1`)}>{v}</a> },
          { title: '类型', dataIndex: 'unitKind', width: 110, render: (v: string) => (v === '乡镇街道' ? '乡镇（街道）' : v) },
          { title: '在岗执法人员', dataIndex: 'enforcementCount', width: 130, align: 'right', sorter: (a, b) => a.enforcementCount - b.enforcementCount },
          { title: '法制审核人员', dataIndex: 'reviewers', width: 110, align: 'right' },
          { title: `应配（≥${pct}）`, dataIndex: 'required', width: 110, align: 'right' },
          { title: '比例', dataIndex: 'ratio', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
          {
            title: '情况',
            width: 110,
            sorter: (a, b) => a.missing - b.missing,
            render: (_v, u) => (u.meetsRule ? <Tag color="green">达标</Tag> : <Tag color="red">缺 {u.missing} 人</Tag>),
          },
          {
            title: '法制审核人员名单',
            dataIndex: 'reviewerNames',
            ellipsis: true,
            render: (names: string[]) => (names.length ? names.join('、') : <Typography.Text type="secondary">—</Typography.Text>),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">点击单位名称可查看该单位的法制审核人员。</Typography.Text>
      </Space>
    </div>
  );
}
