import { LockOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { PrintPage } from '../pages/print/PrintPage.tsx';
import { TablePrintPage } from '../pages/print/TablePrintPage.tsx';
import { SetupPage } from '../pages/setup/SetupPage.tsx';
import { leaveQuestion } from './leave-guard.ts';
import { OperatorNameHeader } from './OperatorName.tsx';
import { PAGES } from './pages.tsx';
import { useAppInfo, useSettings } from './registry-env.tsx';
import { useSession } from './session-gate.tsx';
import { GlobalSearch } from './GlobalSearch.tsx';
import { navigate, parseHash, useHashRoute, type Route } from './use-hash-route.ts';

const { Sider, Header, Content } = Layout;

export function AppShell() {
  const route = useHashRoute();
  if (route.page === 'print') return <PrintPage route={route} />;
  if (route.page === 'print-table') return <TablePrintPage route={route} />;
  return <Shell route={route} />;
}

function Shell({ route }: { route: Route }) {
  // 设置本单位 (#/setup) is reached from the overview and 设置, not from the menu.
  const setup = route.page === 'setup';
  const page = PAGES.find((p) => p.key === route.page) ?? PAGES[0];
  const settings = useSettings();
  const info = useAppInfo();
  const { modal } = App.useApp();

  const goTo = (path: string, samePage: boolean) => {
    const question = samePage ? null : leaveQuestion();
    if (!question) {
      navigate(path);
      return;
    }
    modal.confirm({ title: '离开这个页面？', content: question, okText: '离开', cancelText: '留在本页', onOk: () => navigate(path) });
  };
  const go = (key: string) => goTo(`/${key}`, key === route.page);
  // A search hit on the page shown (another person, another record) leaves nothing unsaved behind.
  // A search hit opens its page afresh, as a link from elsewhere would: the catalog opens the record's
  // drawer only when the page starts at that address, even when it is the page already shown.
  const [foundPath, setFoundPath] = useState<string | null>(null);
  const [visit, setVisit] = useState(0);
  const here = `/${[route.page, ...route.params].map(encodeURIComponent).join('/')}${route.query.size > 0 ? `?${route.query.toString()}` : ''}`;
  if (foundPath !== null && foundPath === here) {
    setFoundPath(null);
    setVisit((v) => v + 1);
  }
  const openFound = (path: string) => {
    setFoundPath(path);
    goTo(path, parseHash(`#${path}`).page === route.page);
  };
  const session = useSession();

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
          selectedKeys={setup ? [] : [page?.key ?? 'overview']}
          style={{ background: 'transparent', borderInlineEnd: 0 }}
          items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: p.label }))}
          onClick={({ key }) => go(key)}
          data-testid="main-nav"
        />
      </Sider>
      <Layout>
        <Header
          className="no-print"
          style={{ background: '#fff', padding: '0 24px', height: 56, lineHeight: '56px', borderBottom: '1px solid #e8eaee', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
        >
          <Typography.Text strong style={{ fontSize: 15, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {settings.bureauName} · 行政执法人员与“一目录四清单”台账
            {info.hasSampleData && (
              <Tooltip title="台账中是生成的示例数据，仅供熟悉和培训使用，不是本县的真实台账。正式使用请换一个新的数据文件夹。">
                <Tag color="orange" style={{ marginLeft: 10 }} data-testid="sample-data-tag">
                  示例数据（培训用）
                </Tag>
              </Tooltip>
            )}
          </Typography.Text>
          <GlobalSearch onOpen={openFound} />
          {session.status.configured ? (
            <Space>
              <Typography.Text type="secondary" data-testid="signed-in-operator">
                操作员：{session.status.signedIn?.name}
              </Typography.Text>
              <Button size="small" icon={<LockOutlined />} onClick={() => void session.lock()} data-testid="header-lock">
                锁定
              </Button>
            </Space>
          ) : (
            <OperatorNameHeader />
          )}
        </Header>
        <Content key={visit} style={{ padding: 24, minWidth: 0 }}>
          {setup ? <SetupPage /> : page?.render(route)}
        </Content>
      </Layout>
    </Layout>
  );
}
