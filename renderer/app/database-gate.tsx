import { Alert, App, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { BACKUP_REASON_LABELS, type DatabaseStatus } from '../../shared/api/methods/database.ts';
import { api, errorMessage, unwrap } from '../api/client.ts';
import { BackupPanel, confirmRestore } from '../pages/settings/BackupPanel.tsx';
import { navigate } from './use-hash-route.ts';

/**
 * The database's own state, checked by the backend at start (PRAGMA quick_check). When the file
 * is damaged, empty or unreadable, the program does not open as usual: this page says what
 * happened (in the clerk's words, never SQLite's) and offers the newest good backup. A damaged
 * file that can still be read may be looked at read-only, under a red banner.
 */

const TITLES: Record<Exclude<DatabaseStatus['state'], 'ok'>, string> = {
  damaged: '数据库文件已损坏',
  unreadable: '数据库文件已损坏，无法读取',
  empty: '数据库文件是空的',
};

export function DatabaseGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DatabaseStatus>();
  const [failure, setFailure] = useState<string>();
  const [viewing, setViewing] = useState(false);

  useEffect(() => {
    unwrap(api['database.status']({}))
      .then(setStatus)
      .catch((err: unknown) => setFailure(errorMessage(err)));
  }, []);

  if (!status) {
    return failure ? (
      <Alert type="error" showIcon message="无法读取数据库状态" description={failure} style={{ margin: 48 }} />
    ) : (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (status.state === 'ok') return <>{children}</>;
  if (!viewing) return <DamagedDatabasePage status={status} onView={() => setViewing(true)} />;
  return (
    <>
      <Alert
        banner
        type="error"
        data-testid="read-only-banner"
        message={`${TITLES[status.state]}：程序以只读方式打开，不能保存任何修改，显示的数据可能不完整。`}
        action={
          <Button size="small" danger onClick={() => navigate('/settings/backup')}>
            恢复备份
          </Button>
        }
      />
      {children}
    </>
  );
}

function DamagedDatabasePage({ status, onView }: { status: DatabaseStatus; onView: () => void }) {
  const { modal } = App.useApp();
  const [showAll, setShowAll] = useState(false);
  const state = status.state === 'ok' ? 'damaged' : status.state;
  const newest = status.newestGoodBackup;
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }} data-testid="damaged-database">
      <Result
        status="error"
        title={TITLES[state]}
        subTitle={<span style={{ whiteSpace: 'pre-wrap' }}>{status.message}</span>}
        extra={
          <Space direction="vertical" size="middle">
            {newest ? (
              <Typography.Text>
                最近一次完好的备份：{newest.takenAt}（{BACKUP_REASON_LABELS[newest.reason]}）
              </Typography.Text>
            ) : (
              <Typography.Text type="danger">没有找到完好的备份。请不要删除或覆盖数据文件夹，联系信息技术人员处理。</Typography.Text>
            )}
            <Space wrap style={{ justifyContent: 'center' }}>
              {newest && (
                <Button type="primary" danger data-testid="restore-newest" onClick={() => void confirmRestore(modal, `${newest.takenAt} 的备份`, { name: newest.name })}>
                  恢复这个备份
                </Button>
              )}
              <Button onClick={() => setShowAll((v) => !v)}>{showAll ? '收起备份列表' : '选择其他备份…'}</Button>
              {state === 'damaged' && (
                <Button onClick={onView} data-testid="view-read-only">
                  以只读方式查看数据
                </Button>
              )}
            </Space>
            <Typography.Text type="secondary">数据文件夹：{status.dataDir}</Typography.Text>
          </Space>
        }
      />
      {showAll && (
        <Card title="全部备份">
          <BackupPanel />
        </Card>
      )}
    </div>
  );
}
