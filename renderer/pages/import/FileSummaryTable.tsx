import { CheckCircleOutlined, ClearOutlined, DownloadOutlined, EyeOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { FILE_STATUS_LABELS } from '../../../shared/import/import-kinds.ts';
import { unitKindLabel } from '../../../shared/import/unit-names.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { navigate } from '../../app/use-hash-route.ts';
import { saveStagedFile } from '../export/download.ts';
import { FILE_STATUS_COLORS, formatBytes, kindLabel, sumCounts } from './labels.ts';

/**
 * One line per checked file: which agency and kind it was recognised as, how many rows are
 * importable, have errors or were skipped, and its state. The clean files can be imported in one
 * go; the others are set aside (their error workbook goes back to the agency).
 */
export function FileSummaryTable({
  files,
  onCommit,
  onCommitAllReady,
  onClear,
}: {
  files: FileCheck[];
  onCommit: (file: FileCheck) => void;
  onCommitAllReady: () => Promise<void>;
  onClear: () => void;
}) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const ready = files.filter((f) => f.status === 'ready');
  const unitsToAdd = [...new Set(ready.flatMap((f) => f.unitsToAdd.filter((u) => u.existingUnitId === null).map((u) => `${u.name}（${unitKindLabel(u.kind)}）`)))];

  const exportErrors = async (file: FileCheck) => {
    try {
      const { fileId } = await unwrap(api['import.errorWorkbook']({ checkId: file.checkId }));
      const name = await saveStagedFile(fileId);
      void message.success(`已导出“${name}”，可以发回报送单位修改`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: ColumnsType<FileCheck> = [
    {
      title: '文件',
      key: 'file',
      render: (_v, f) => (
        <div className="import-file-cell">
          <Typography.Link onClick={() => navigate(`/import/${f.checkId}`)} ellipsis>
            {f.file}
          </Typography.Link>
          <Typography.Text type="secondary" className="import-file-meta">
            {f.relativePath && f.relativePath !== f.file ? `${f.relativePath.slice(0, f.relativePath.length - f.file.length - 1)} · ` : ''}
            {formatBytes(f.size)}
            {f.encoding ? ` · ${f.encoding === 'gb18030' ? 'GBK' : f.encoding.toUpperCase()}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '报送单位',
      key: 'unit',
      width: 150,
      render: (_v, f) => {
        const names = [
          ...new Set(
            f.sheets
              .filter((s) => s.kind !== 'skipped' && s.kind !== 'units')
              .map((s) =>
                s.agency ? `${s.agency.name}${s.agency.unitId === null ? '（新增）' : ''}` : s.kind === 'personnel' && s.issues.every((i) => i.code !== 'AGENCY_UNKNOWN') ? '按各行单位' : '未识别',
              ),
          ),
        ];
        return names.length > 0 ? names.join('、') : <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
    {
      title: '内容',
      key: 'kind',
      width: 150,
      render: (_v, f) => {
        const kinds = [...new Set(f.sheets.filter((s) => s.kind !== 'skipped').map(kindLabel))];
        if (kinds.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        const lists = kinds.filter((k) => k.endsWith('清单'));
        // A workbook of the four lists reads as one line; the full names are in the tooltip.
        const shown = lists.length > 1 ? [...kinds.filter((k) => !k.endsWith('清单')), `清单 ${lists.length} 项`] : kinds;
        return <Tooltip title={kinds.join('、')}>{shown.join('、')}</Tooltip>;
      },
    },
    { title: '数据行', key: 'read', width: 64, align: 'right', render: (_v, f) => sumCounts(f, 'read') },
    { title: '可导入', key: 'importable', width: 64, align: 'right', render: (_v, f) => sumCounts(f, 'importable') },
    {
      title: '错误',
      key: 'errors',
      width: 52,
      align: 'right',
      render: (_v, f) => {
        const n = sumCounts(f, 'errors') + f.sheets.reduce((k, s) => k + s.issues.filter((i) => i.row === null && i.severity === 'error').length, 0);
        return n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0;
      },
    },
    { title: '警告', key: 'warnings', width: 52, align: 'right', render: (_v, f) => sumCounts(f, 'warnings') },
    { title: '跳过', key: 'skipped', width: 52, align: 'right', render: (_v, f) => sumCounts(f, 'skipped') },
    {
      title: '状态',
      key: 'status',
      width: 84,
      render: (_v, f) =>
        f.error ? (
          <Tooltip title={f.error.message}>
            <Tag color={FILE_STATUS_COLORS.unreadable}>{FILE_STATUS_LABELS.unreadable}</Tag>
          </Tooltip>
        ) : (
          <Space size={2} orientation="vertical">
            <Tag color={FILE_STATUS_COLORS[f.status]}>{FILE_STATUS_LABELS[f.status]}</Tag>
            {f.status !== 'committed' && f.unitsToAdd.some((u) => u.existingUnitId === null) && (
              <Tooltip
                title={`导入时一并新增：${f.unitsToAdd
                  .filter((u) => u.existingUnitId === null)
                  .map((u) => u.name)
                  .join('、')}`}
              >
                <Tag color="gold">新增单位 {f.unitsToAdd.filter((u) => u.existingUnitId === null).length}</Tag>
              </Tooltip>
            )}
            {f.status !== 'committed' && f.pendingChanges > 0 && <Tag color="blue">已更正 {f.pendingChanges}</Tag>}
          </Space>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 236,
      render: (_v, f) => (
        <Space size={4}>
          <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(`/import/${f.checkId}`)}>
            查看
          </Button>
          {f.status !== 'committed' && (
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportErrors(f)} title="导出检查结果，发回报送单位">
              检查结果
            </Button>
          )}
          {(f.status === 'ready' || f.status === 'errors') && (
            <Button size="small" type={f.status === 'ready' ? 'primary' : 'default'} icon={<ImportOutlined />} onClick={() => onCommit(f)}>
              导入
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="import-summary">
      <div className="import-toolbar">
        <Typography.Text>
          共 {files.length} 个文件：可导入 {ready.length} 个，有错误 {files.filter((f) => f.status === 'errors').length} 个，无法读取 {files.filter((f) => f.status === 'unreadable').length} 个
          {files.some((f) => f.status === 'committed') ? `，已导入 ${files.filter((f) => f.status === 'committed').length} 个` : ''}
          {files.some((f) => f.status === 'nothing') ? `，无需导入 ${files.filter((f) => f.status === 'nothing').length} 个` : ''}
        </Typography.Text>
        <Space>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={ready.length === 0 || busy}
            loading={busy}
            data-testid="commit-all-ready"
            onClick={() =>
              void modal.confirm({
                title: `导入 ${ready.length} 个没有错误的文件？`,
                width: 560,
                content: (
                  <div data-testid="commit-all-confirm">
                    <p>{`${ready.map((f) => `“${f.file}”`).join('、')}，每个文件记为一次导入，可分别撤销。有错误的文件留在列表中，不导入。`}</p>
                    {unitsToAdd.length > 0 && <p>{`一并新增单位名单中没有的单位 ${unitsToAdd.length} 个：${unitsToAdd.join('、')}。`}</p>}
                  </div>
                ),
                okText: '导入',
                cancelText: '取消',
                onOk: async () => {
                  setBusy(true);
                  try {
                    await onCommitAllReady();
                  } finally {
                    setBusy(false);
                  }
                },
              })
            }
          >
            导入全部无误文件（{ready.length}）
          </Button>
          <Button icon={<ClearOutlined />} onClick={onClear}>
            清空列表
          </Button>
        </Space>
      </div>
      <Table<FileCheck> rowKey="checkId" size="small" columns={columns} dataSource={files} pagination={false} tableLayout="fixed" />
    </div>
  );
}
