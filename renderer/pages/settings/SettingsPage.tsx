import { Card, Tabs } from 'antd';
import { UNIT_KINDS } from '../../../shared/domain/unit-kinds.ts';
import { navigate } from '../../app/use-hash-route.ts';
import { AboutPanel } from './AboutPanel.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { DisplayPanel } from './DisplayPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { OperatorsPanel } from './OperatorsPanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';

const tabs = (query: URLSearchParams) => [
  // #/settings/units?kind=市直单位: 概览's unit figures open the list they count.
  { key: 'units', label: '单位管理', children: <UnitsPanel key={query.get('kind') ?? ''} initialKind={UNIT_KINDS.find((k) => k === query.get('kind')) ?? null} /> },
  { key: 'rules', label: '业务规则', children: <RulesPanel /> },
  { key: 'operators', label: '操作员', children: <OperatorsPanel /> },
  { key: 'history', label: '操作记录', children: <HistoryPanel /> },
  { key: 'display', label: '显示', children: <DisplayPanel /> },
  { key: 'backup', label: '备份与恢复', children: <BackupPanel /> },
  { key: 'about', label: '关于', children: <AboutPanel /> },
];

export function SettingsPage({ tab, query }: { tab: string | undefined; query: URLSearchParams }) {
  const TABS = tabs(query);
  const active = TABS.some((t) => t.key === tab) ? (tab as string) : 'units';
  return (
    <div>
      <div className="page-header">
        <h1>设置</h1>
      </div>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={active} onChange={(key) => navigate(`/settings/${key}`)} items={TABS} destroyOnHidden />
      </Card>
    </div>
  );
}
