import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { segmentText } from '../../../../shared/domain/annual-report.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/use-api.ts';
import { useToday } from '../../../app/registry-env.tsx';
import { navigate } from '../../../app/use-hash-route.ts';

/** Puts text on the clipboard; where the clipboard API is unavailable, through a selected text area. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Falls through to the text area below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/**
 * The annual report's paragraphs for a chosen year, in the report's words; every figure is a link
 * to the list behind it, and 复制文字 copies the plain text for the report.
 */
export function AnnualReportCard() {
  const thisYear = Number(useToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const report = useApi(() => api['report.annual']({ year }), `report:${year}`);
  const { message } = App.useApp();
  return (
    <Card
      size="small"
      className="dashboard-card"
      title="年度报告段落"
      data-testid="annual-report"
      extra={
        <Space className="no-print">
          <Select
            size="small"
            value={year}
            onChange={setYear}
            options={Array.from({ length: 8 }, (_v, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年度` }))}
            style={{ width: 110 }}
            data-testid="report-year"
          />
          <Button
            size="small"
            icon={<CopyOutlined />}
            disabled={!report.data}
            onClick={() => {
              if (!report.data) return;
              void copyText(report.data.text).then(
                () => message.success('已复制，可粘贴到报告中'),
                (err: unknown) => message.error(errorMessage(err)),
              );
            }}
            data-testid="report-copy"
          >
            复制文字
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" className="no-print" style={{ marginBottom: 8 }}>
        单位、人员、事项、清单和发布情况为截至今天的数字；发证、换证、注销和培训学时为所选年度的数字。点击数字可查看对应的名单。
      </Typography.Paragraph>
      {report.error ? <Alert type="error" showIcon message={errorMessage(report.error)} /> : null}
      {!report.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <div className="annual-report" data-testid="report-text">
          {report.data.paragraphs.map((p) => (
            <p key={p.heading}>
              <strong>{p.heading}</strong>
              {p.segments.map((s, i) =>
                'figure' in s ? (
                  <a key={i} onClick={() => navigate(s.link)} data-testid={`report-figure-${s.figure}`}>
                    {segmentText(s)}
                  </a>
                ) : (
                  <span key={i}>{s.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      )}
    </Card>
  );
}
