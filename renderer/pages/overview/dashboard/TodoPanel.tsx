import { CheckCircleFilled, ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { useTodayDayjs } from '../../../app/registry-env.tsx';
import { navigate } from '../../../app/use-hash-route.ts';

/**
 * The week's follow-up: cards to renew, training short, agencies that have not published or whose
 * document lapsed, agencies that have not sent files since a chosen day. Each count opens the list
 * of exactly those rows; the stale agencies have no page of their own, so they unfold here.
 */
export function TodoPanel({ todo, onStaleBefore }: { todo: Dashboard['todo']; onStaleBefore: (date: string) => void }) {
  const today = useTodayDayjs();
  const [staleOpen, setStaleOpen] = useState(false);
  return (
    <Card
      size="small"
      className="dashboard-card screen-only"
      title={
        <span>
          <ClockCircleOutlined /> 待办
        </span>
      }
      data-testid="todo-panel"
      extra={
        <Space size={4}>
          <Typography.Text type="secondary">最近报送早于</Typography.Text>
          <DatePicker
            size="small"
            allowClear={false}
            value={dayjs(todo.staleBefore)}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(d) => d && onStaleBefore(d.format('YYYY-MM-DD'))}
            style={{ width: 124 }}
            data-testid="todo-stale-before"
          />
        </Space>
      }
    >
      <div className="todo-items">
        {todo.items.map((item) => {
          const done = item.count === 0;
          const open = item.link ? () => navigate(item.link ?? '/') : () => setStaleOpen((v) => !v);
          return (
            <div key={item.key} className="todo-item" data-testid={`todo-${item.key}`}>
              {done ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <span className="todo-dot" />}
              <span className="todo-label" title={item.label}>
                {item.label}
              </span>
              <Button type="link" size="small" onClick={open} disabled={done} data-testid={`todo-${item.key}-link`}>
                <Tag color={done ? 'default' : 'orange'} className="tabular" style={{ marginInlineEnd: 4 }}>
                  {item.count.toLocaleString('zh-CN')}
                </Tag>
                {item.link ? <RightOutlined /> : staleOpen ? '收起' : '列出'}
              </Button>
            </div>
          );
        })}
      </div>
      {staleOpen && todo.staleAgencies.length > 0 ? (
        <div className="todo-stale" data-testid="todo-stale-list">
          {todo.staleAgencies.map((a) => (
            <div key={a.unitId} className="todo-stale-row">
              <a onClick={() => navigate(`/catalog?unit=${a.unitId}`)}>{a.name}</a>
              <Typography.Text type="secondary">{a.last ? `最近报送 ${a.last}` : '从未通过“导入”报送'}</Typography.Text>
            </div>
          ))}
          <Typography.Link onClick={() => navigate('/import')}>去导入 ›</Typography.Link>
        </div>
      ) : null}
    </Card>
  );
}
