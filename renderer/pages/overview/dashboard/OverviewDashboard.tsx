import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, isDesktop, unwrap } from '../../../api/client.ts';
import { useApi } from '../../../api/use-api.ts';
import { useSettings, useToday } from '../../../app/registry-env.tsx';
import { formatChineseDate } from '../../../../shared/domain/dates.ts';
import { AnnualReportCard } from './AnnualReportCard.tsx';
import { CatalogChart } from './CatalogChart.tsx';
import { ExpiryChart } from './ExpiryChart.tsx';
import { PrintImagesProvider } from './print-images.tsx';
import { PublicationChart } from './PublicationChart.tsx';
import { QualityPrint, QualityWarnings } from './QualityWarnings.tsx';
import { StatusByUnitChart } from './StatusByUnitChart.tsx';
import { TodoPanel } from './TodoPanel.tsx';
import { TrainingChart } from './TrainingChart.tsx';
import './dashboard.css';

/** The charts on paper, in this order, after the quality warnings and the report's paragraphs. */
const PRINT_ORDER = ['status-by-unit', 'expiry-by-month', 'training-hours', 'catalog-by-agency', 'publication-status'];

/** Prints the overview: Electron's printer dialog, or the browser's (which can also save as PDF). */
async function printOverview(): Promise<void> {
  if (!isDesktop) {
    window.print();
    return;
  }
  await unwrap(api['desktop.print']({ landscape: false }));
}

/**
 * The overview's charts, data-quality warnings and the annual report's paragraphs, below the
 * overview's figures. Every bar and every figure opens the list behind it.
 */
export function OverviewDashboard() {
  const [staleBefore, setStaleBefore] = useState<string | null>(null);
  const dashboard = useApi(() => api['dashboard.get']({ staleBefore }), `dashboard:${staleBefore ?? ''}`);
  const { expiryWarningDays, bureauName } = useSettings();
  const today = useToday();
  const [printError, setPrintError] = useState<string | null>(null);
  const data = dashboard.data;
  return (
    <div className="overview-dashboard" data-testid="dashboard">
      <h2 className="print-only print-title">
        {bureauName}行政执法工作概览（截至{formatChineseDate(today)}）
      </h2>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', margin: '8px 0' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          图表与数据问题
        </Typography.Title>
        <Space className="no-print">
          <Button icon={<ReloadOutlined />} onClick={dashboard.reload}>
            刷新图表
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void printOverview().catch((err: unknown) => setPrintError(errorMessage(err)))} data-testid="print-overview">
            打印概览
          </Button>
        </Space>
      </div>
      {dashboard.error || printError ? <Alert type="error" showIcon message={printError ?? errorMessage(dashboard.error)} style={{ marginBottom: 16 }} /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <PrintImagesProvider order={PRINT_ORDER}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <TodoPanel todo={data.todo} onStaleBefore={setStaleBefore} />
            </Col>
            <Col xs={24} xl={12}>
              <StatusByUnitChart units={data.units} />
            </Col>
            <Col xs={24} xl={12}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <ExpiryChart expiries={data.expiries} warningDays={expiryWarningDays} />
                <TrainingChart training={data.training} />
                <QualityWarnings quality={data.quality} onStaleBefore={setStaleBefore} />
              </Space>
            </Col>
            <Col xs={24} xl={14}>
              <CatalogChart agencies={data.agencies} />
            </Col>
            <Col xs={24} xl={10}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <PublicationChart publications={data.publications} agencies={data.agencies.length} />
              </Space>
            </Col>
          </Row>
          {/* Below the grid, not in it: on paper the grid gives way to the charts' pictures. */}
          <div style={{ marginTop: 16 }}>
            <AnnualReportCard />
          </div>
          <QualityPrint quality={data.quality} />
        </PrintImagesProvider>
      )}
    </div>
  );
}
