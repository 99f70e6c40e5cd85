import { Card, Col, Row, Typography } from 'antd';
import type { Route } from '../../app/use-hash-route.ts';
import { EXPORT_SECTIONS } from './export-sections.tsx';

/** 导出与打印: one card per printable document, grouped by subject. */
export function ExportPage(_props: { route: Route }) {
  const groups = [...new Set(EXPORT_SECTIONS.map((s) => s.group))];
  return (
    <div>
      <div className="page-header">
        <h1>导出与打印</h1>
      </div>
      {groups.map((group) => (
        <div key={group} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {group}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {EXPORT_SECTIONS.filter((s) => s.group === group).map((section) => (
              <Col key={section.key} xs={24} xl={12}>
                <Card size="small" title={section.title} data-testid={`export-card-${section.key}`} style={{ height: '100%' }}>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                    {section.description}
                  </Typography.Paragraph>
                  {section.render()}
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </div>
  );
}
