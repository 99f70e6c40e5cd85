import { Layout, Menu, Typography } from 'antd';
import { PrintPage } from '../pages/print/PrintPage.tsx';
import { PAGES } from './pages.tsx';
import { useSettings } from './registry-env.tsx';
import { navigate, useHashRoute, type Route } from './use-hash-route.ts';

const { Sider, Header, Content } = Layout;

export function AppShell() {
  const route = useHashRoute();
  if (route.page === 'print') return <PrintPage route={route} />;
  return <Shell route={route} />;
}

function Shell({ route }: { route: Route }) {
  const page = PAGES.find((p) => p.key === route.page) ?? PAGES[0];
  const settings = useSettings();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={64} className="no-print" style={{ background: '#0f2a4a' }}>
        <div className="app-brand">
          <span className="app-brand-mark">法</span>
          <span>执法台账</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[page?.key ?? 'overview']}
          style={{ background: 'transparent', borderInlineEnd: 0 }}
          items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: p.label }))}
          onClick={({ key }) => navigate(`/${key}`)}
          data-testid="main-nav"
        />
      </Sider>
      <Layout>
        <Header className="no-print" style={{ background: '#fff', padding: '0 24px', height: 56, lineHeight: '56px', borderBottom: '1px solid #e8eaee', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {settings.bureauName} · 行政执法人员与“一目录四清单”台账
          </Typography.Text>
          <Typography.Text type="secondary">{settings.operatorName ? `经办人：${settings.operatorName}` : '未设置经办人（设置 › 业务规则）'}</Typography.Text>
        </Header>
        <Content style={{ padding: 24, minWidth: 0 }}>{page?.render(route)}</Content>
      </Layout>
    </Layout>
  );
}
