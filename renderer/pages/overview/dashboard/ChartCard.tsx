import { PictureOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useToday } from '../../../app/registry-env.tsx';

/** Saves a chart's image as a PNG through the browser's download (Electron shows its save dialog). */
function downloadPng(dataUrl: string, name: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = `${name}.png`;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * A chart's card: its title, what a click on it opens, its own controls, and 导出图片 (PNG, named
 * after the chart and the registry's date). `children` renders the chart, handing its image to `onImage`.
 */
export function ChartCard({ title, hint, extra, testId, children }: { title: string; hint: string; extra?: ReactNode; testId: string; children: (onImage: (dataUrl: string) => void) => ReactNode }) {
  const image = useRef<string | null>(null);
  const today = useToday();
  return (
    <Card
      size="small"
      className="dashboard-card"
      title={title}
      data-testid={testId}
      extra={
        <span className="no-print" style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {extra}
          <Tooltip title="保存为 PNG 图片">
            <Button size="small" icon={<PictureOutlined />} onClick={() => image.current && downloadPng(image.current, `${title}_${today}`)} data-testid={`${testId}-png`}>
              导出图片
            </Button>
          </Tooltip>
        </span>
      }
    >
      <div className="dashboard-hint no-print">{hint}</div>
      {children((url) => {
        image.current = url;
      })}
    </Card>
  );
}
