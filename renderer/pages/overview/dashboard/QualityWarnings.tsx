import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Card, DatePicker, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { useTodayDayjs } from '../../../app/registry-env.tsx';
import { navigate } from '../../../app/use-hash-route.ts';

function staleNote(quality: Dashboard['quality']): string {
  return `（最近一次报送早于 ${quality.staleBefore} 或从未报送）`;
}

/**
 * The data-quality checks with what each found, where to fix it and a link to the list behind it
 * (shared/domain/data-quality.ts). “Last submission older than” takes a date the clerk picks.
 */
export function QualityWarnings({ quality, onStaleBefore }: { quality: Dashboard['quality']; onStaleBefore: (date: string) => void }) {
  const today = useTodayDayjs();
  const found = quality.checks.filter((c) => c.count > 0);
  return (
    <Card
      size="small"
      className="dashboard-card screen-only"
      title="数据问题"
      data-testid="dashboard-quality"
      extra={
        <Space size={4} className="no-print">
          <Typography.Text type="secondary">最近报送早于</Typography.Text>
          <DatePicker
            size="small"
            allowClear={false}
            value={dayjs(quality.staleBefore)}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(d) => d && onStaleBefore(d.format('YYYY-MM-DD'))}
            data-testid="stale-before"
          />
        </Space>
      }
    >
      {found.length === 0 ? (
        <Typography.Text type="success">
          <CheckCircleFilled /> 未发现数据问题
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={found}
          renderItem={(c) => (
            <List.Item
              data-testid={`quality-${c.check}`}
              actions={
                c.link
                  ? [
                      <a key="open" onClick={() => navigate(c.link ?? '/')}>
                        查看
                      </a>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={<WarningFilled style={{ color: '#fa8c16' }} />}
                title={
                  <span>
                    {c.label} <Tag color="orange">{c.count}</Tag>
                    {c.check === 'submission_stale' ? <Typography.Text type="secondary">{staleNote(quality)}</Typography.Text> : null}
                  </span>
                }
                description={c.fix}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The warnings on paper: a plain list (Chromium breaks an antd list inside a stack of cards with a gap). */
export function QualityPrint({ quality }: { quality: Dashboard['quality'] }) {
  const found = quality.checks.filter((c) => c.count > 0);
  return (
    <div className="print-only print-block">
      <h3>数据问题</h3>
      {found.length === 0 ? (
        <p>未发现数据问题。</p>
      ) : (
        <ol>
          {found.map((c) => (
            <li key={c.check}>
              <strong>
                {c.label} {c.count}
              </strong>
              {c.check === 'submission_stale' ? staleNote(quality) : ''}：{c.fix}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
