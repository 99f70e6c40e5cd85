import { CloudDownloadOutlined, FolderOpenOutlined, SafetyCertificateOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupEntry } from '../../../shared/api/methods/database.ts';
import { api, errorMessage, isDesktop, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { saveStagedFile } from '../export/download.ts';
import { stageFiles } from '../import/file-upload.ts';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * Asks, then restores a backup (one of the list, or a file the clerk picked). The backend checks
 * the backup first and backs the current database up before replacing it; afterwards the page
 * starts again on the restored registry.
 */
export function confirmRestore(modal: ModalApi, what: string, input: { name: string } | { fileId: string }): Promise<void> {
  return new Promise((resolve) => {
    modal.confirm({
      title: '用这个备份恢复台账？',
      content: (
        <>
          <p>将用{what}替换当前台账中的全部数据。</p>
          <p>恢复前会先检查该备份是否完好；当前数据库会先自动备份（已损坏的则移到一旁保留），恢复后如有需要仍可恢复回去。</p>
        </>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onCancel: () => resolve(),
      onOk: async () => {
        try {
          const result = await unwrap(api['backups.restore'](input));
          modal.success({
            title: '已恢复',
            content: result.message,
            okText: '重新打开台账',
            onOk: () => window.location.reload(),
          });
        } catch (err) {
          modal.error({ title: '没有恢复', content: errorMessage(err) });
        }
        resolve();
      },
    });
  });
}

/** 设置 › 备份与恢复: the backups, 立即备份, a copy to a USB stick, restore, and the integrity check. */
export function BackupPanel() {
  const { data, loading, reload } = useApi(() => api['backups.list']({}), 'backups');
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
      reload();
    }
  };

  const backupNow = () =>
    run('now', async () => {
      const entry = await unwrap(api['backups.create']({}));
      void message.success(`已备份（${mb(entry.size)}，已通过完整性检查）`);
    });

  const backupElsewhere = () =>
    run('elsewhere', async () => {
      if (isDesktop) {
        const saved = await unwrap(api['desktop.backupToFolder']({}));
        if (saved.saved) void message.success(`已备份到 ${saved.path ?? ''}`);
      } else {
        const { fileId } = await unwrap(api['backups.download']({}));
        void message.success(`已下载“${await saveStagedFile(fileId)}”，请把它复制到 U 盘保存`);
      }
    });

  const check = () =>
    run('check', async () => {
      const result = await unwrap(api['database.check']({}));
      if (result.ok) modal.success({ title: '检查完成', content: result.message });
      else modal.error({ title: '检查完成', content: result.message });
    });

  const restoreFromFile = (file: File | undefined) => {
    if (!file) return;
    void run('file', async () => {
      const [fileId] = await stageFiles([{ file, relativePath: file.name }], () => undefined);
      if (fileId) await confirmRestore(modal, `文件“${file.name}”`, { fileId });
    });
  };

  return (
    <div data-testid="backup-panel">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="台账会自动备份"
        description={
          <>
            每天第一次打开程序时、每次导入前、程序升级前和恢复前都会自动备份，每个备份写好后都经过完整性检查。保留最近 10 个，30 天内每天 1 个，一年内每月 1 个。
            {data ? (
              <>
                <br />
                备份位置：<Typography.Text copyable>{data.folder}</Typography.Text>
              </>
            ) : null}
            <br />
            电脑硬盘损坏时这些备份也会一起丢失，请定期用“{isDesktop ? '备份到其他位置' : '下载备份'}”把台账另存到 U 盘。
          </>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={busy === 'now'} onClick={() => void backupNow()} data-testid="backup-now">
          立即备份
        </Button>
        <Button icon={isDesktop ? <FolderOpenOutlined /> : <CloudDownloadOutlined />} loading={busy === 'elsewhere'} onClick={() => void backupElsewhere()} data-testid="backup-elsewhere">
          {isDesktop ? '备份到其他位置（U 盘）…' : '下载备份（保存到 U 盘）'}
        </Button>
        <Button icon={<UploadOutlined />} loading={busy === 'file'} onClick={() => fileInput.current?.click()} data-testid="restore-from-file">
          从备份文件恢复…
        </Button>
        <Button icon={<SafetyCertificateOutlined />} loading={busy === 'check'} onClick={() => void check()} data-testid="check-database">
          检查数据库
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".sqlite3,.sqlite,.db"
          style={{ display: 'none' }}
          onChange={(e) => {
            restoreFromFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </Space>
      <Table<BackupEntry>
        rowKey="name"
        size="small"
        loading={loading}
        dataSource={data?.backups ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '备份时间', dataIndex: 'takenAt', width: 180 },
          { title: '类型', dataIndex: 'reason', width: 170, render: (r: BackupEntry['reason']) => <Tag>{BACKUP_REASON_LABELS[r]}</Tag> },
          { title: '大小', dataIndex: 'size', width: 100, align: 'right', render: (s: number) => mb(s) },
          { title: '数据库版本', dataIndex: 'schemaVersion', width: 100, align: 'right', render: (v: number | null) => v ?? '无法读取' },
          { title: '文件名', dataIndex: 'name', render: (n: string) => <Typography.Text type="secondary">{n}</Typography.Text> },
          {
            title: '',
            width: 90,
            render: (_v, entry) => (
              <Button size="small" onClick={() => void confirmRestore(modal, `${entry.takenAt} 的备份（${BACKUP_REASON_LABELS[entry.reason]}）`, { name: entry.name })}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
