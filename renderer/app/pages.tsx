import { DashboardOutlined, FileSearchOutlined, ImportOutlined, OrderedListOutlined, PrinterOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { OverviewPage } from '../pages/overview/OverviewPage.tsx';
import { CatalogPage } from '../pages/catalog/CatalogPage.tsx';
import { ExportPage } from '../pages/export/ExportPage.tsx';
import { ImportPage } from '../pages/import/ImportPage.tsx';
import { PersonnelPage } from '../pages/personnel/PersonnelPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import type { Route } from './use-hash-route.ts';

/** The navigation, in the order the clerk sees it: one entry per page. */
export interface PageDef {
  key: string;
  label: string;
  icon: ReactNode;
  render: (route: Route) => ReactNode;
}

export const PAGES: readonly PageDef[] = [
  { key: 'overview', label: '概览', icon: <DashboardOutlined />, render: () => <OverviewPage /> },
  { key: 'personnel', label: '执法人员', icon: <TeamOutlined />, render: (route) => <PersonnelPage route={route} /> },
  { key: 'catalog', label: '检查事项', icon: <FileSearchOutlined />, render: (route) => <CatalogPage route={route} /> },
  { key: 'lists', label: '四项清单', icon: <OrderedListOutlined />, render: (route) => <CatalogPage route={route} /> },
  { key: 'import', label: '导入', icon: <ImportOutlined />, render: (route) => <ImportPage route={route} /> },
  { key: 'export', label: '导出与打印', icon: <PrinterOutlined />, render: (route) => <ExportPage route={route} /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, render: (route) => <SettingsPage tab={route.params[0]} query={route.query} /> },
];
