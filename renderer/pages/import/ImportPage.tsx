import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Progress, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useLeaveGuard } from '../../app/leave-guard.ts';
import { useToday } from '../../app/registry-env.tsx';
import type { Route } from '../../app/use-hash-route.ts';
import { BatchHistory } from './BatchHistory.tsx';
import { DropZone } from './DropZone.tsx';
import { FilePreview } from './FilePreview.tsx';
import { FileSummaryTable } from './FileSummaryTable.tsx';
import { TemplateMenu } from './TemplateMenu.tsx';
import { useCommit } from './use-commit.tsx';
import { useImportSession } from './use-import-session.ts';
import './import.css';

/**
 * 导入: the clerk drops the agencies' files (or a whole folder); each is recognised (agency, kind),
 * checked and listed; a file opens in a preview (#/import/<checkId>) where cells are corrected,
 * rows excluded, transfers confirmed and missing people decided on; then it is imported — one
 * batch per file, undoable.
 */
export function ImportPage({ route }: { route: Route }) {
  const session = useImportSession();
  const { message } = App.useApp();
  const [batchKey, setBatchKey] = useState(0);
  const today = useToday();
  const checkId = route.params[0];
  const [loadedFile, setLoadedFile] = useState<FileCheck | null>(null);

  const afterCommit = useCallback(
    (file: FileCheck) => {
      session.replace(file);
      setLoadedFile((f) => (f?.checkId === file.checkId ? file : f));
      setBatchKey((k) => k + 1);
    },
    [session],
  );
  const commit = useCommit(afterCommit);

  // The preview of a file not in this page's list (a reload on #/import/<id>): fetch it.
  const listed = session.files.find((f) => f.checkId === checkId);
  useEffect(() => {
    if (!checkId || listed) return;
    void api['import.file']({ checkId }).then((r) => setLoadedFile(r.ok ? r.value : null));
  }, [checkId, listed]);
  const shown = listed ?? (loadedFile?.checkId === checkId ? loadedFile : null);

  const onFileChange = useCallback(
    (file: FileCheck) => {
      session.replace(file);
      setLoadedFile((f) => (f?.checkId === file.checkId ? file : f));
    },
    [session],
  );

  const commitAllReady = async () => {
    const ready = session.files.filter((f) => f.status === 'ready');
    let done = 0;
    for (const file of ready) {
      try {
        // The confirmation listed the units these files add.
        await unwrap(api['import.commit']({ checkId: file.checkId, skipErrorRows: false, allowRepeat: false, addUnits: file.unitsToAdd.length > 0 }));
        done += 1;
      } catch (err) {
        void message.error(errorMessage(err));
      }
    }
    // A unit one file added may be the one another file proposed: every file is shown as it is now.
    await session.reload();
    setBatchKey((k) => k + 1);
    if (done > 0) void message.success(`已导入 ${done} 个文件。需要撤销时，请在下方“导入记录”中操作。`);
  };

  // The corrections are kept by the backend; leaving still reminds the clerk that they are not imported yet.
  const pending = session.files.filter((f) => f.status !== 'committed' && f.pendingChanges > 0);
  useLeaveGuard(
    'import',
    pending.length > 0
      ? `${pending.length} 个文件有尚未导入的更正（${pending.reduce((n, f) => n + f.pendingChanges, 0)} 处）。离开后这些更正仍保留在“导入”页，回来可以继续；但在导入之前，台账中还没有这些内容。`
      : null,
  );

  if (checkId) {
    if (!shown) {
      return (
        <div className="import-loading">
          <Spin />
        </div>
      );
    }
    return <FilePreview key={shown.checkId} file={shown} onFileChange={onFileChange} onCommit={(f, missing) => void commit(f, missing)} today={today} />;
  }

  const busy = session.phase !== 'idle';
  return (
    <div data-testid="import-page">
      <div className="page-header">
        <h1>导入</h1>
        <TemplateMenu />
      </div>
      <Card size="small" className="import-card">
        <DropZone disabled={busy} onFiles={(g) => void session.start(g)} compact={session.files.length > 0} />
        {busy && (
          <div className="import-progress" data-testid="import-progress">
            <Progress
              percent={Math.round(session.phase === 'staging' ? ((session.staging?.done ?? 0) / Math.max(1, session.staging?.total ?? 1)) * 100 : (session.job?.progress ?? 0) * 100)}
              status="active"
            />
            <Space>
              <Typography.Text type="secondary">
                {session.phase === 'staging' ? `正在读取文件（${session.staging?.done ?? 0}/${session.staging?.total ?? 0}）${session.staging?.current ?? ''}` : (session.job?.message ?? '正在检查')}
              </Typography.Text>
              <Button size="small" icon={<StopOutlined />} onClick={session.cancel} data-testid="cancel-check">
                取消
              </Button>
            </Space>
          </div>
        )}
        {session.error && <Alert type="error" showIcon message={session.error} style={{ marginTop: 12 }} closable />}
        {session.ignored.length > 0 && !busy && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            message={`已忽略 ${session.ignored.length} 个不是表格的文件：${session.ignored.slice(0, 5).join('、')}${session.ignored.length > 5 ? ' 等' : ''}`}
          />
        )}
      </Card>
      <Card size="small" className="import-card">
        {session.files.length === 0 ? (
          <Empty description="还没有检查的文件。把各单位报送的名册、检查事项目录或四项清单拖到上方即可，检查不会修改台账。" />
        ) : (
          <FileSummaryTable files={session.files} onCommit={(f) => void commit(f)} onCommitAllReady={commitAllReady} onClear={session.clear} />
        )}
      </Card>
      <BatchHistory refreshKey={batchKey} onUndone={() => void session.reload()} />
    </div>
  );
}
