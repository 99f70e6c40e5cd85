import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Modal, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ROW_FILTERS } from '../../../shared/api/methods/import.ts';
import type { FileCheck, RowResult, SheetCheck } from '../../../shared/import/check-schema.ts';
import { fieldLabel } from '../../../shared/import/column-synonyms.ts';
import { ROW_STATUS_LABELS, SEVERITY_LABELS, shapeOfKind, type Severity } from '../../../shared/import/import-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { ROW_STATUS_COLORS } from './labels.ts';

/**
 * The rows of one sheet as the agency wrote them, page by page from the backend: each cell with a
 * problem filled (red: error, yellow: warning) and its reason on hover; a click corrects the cell
 * and the sheet is checked again; a row can be left out; a transfer confirmed; a changed record
 * expands to show what differs from the registry field by field.
 */

type Filter = (typeof ROW_FILTERS)[number];
const PAGE_SIZE = 50;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function worst(issues: readonly { severity: Severity }[]): Severity | null {
  let w: Severity | null = null;
  for (const i of issues) if (i.severity !== 'note' && (w === null || ORDER[i.severity] < ORDER[w])) w = i.severity;
  return w;
}

interface EditTarget {
  row: RowResult;
  field: string;
  column: string;
  header: string;
}

export function PreviewGrid({ file, sheet, onFileChange, height }: { file: FileCheck; sheet: SheetCheck; onFileChange: (f: FileCheck) => void; height: number }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<RowResult[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<React.ComponentRef<typeof Input>>(null);
  const committed = file.status === 'committed';
  const shape = sheet.kind === 'skipped' ? null : shapeOfKind(sheet.kind);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const result = await unwrap(api['import.rows']({ checkId: file.checkId, sheetIndex: sheet.index, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, filter }));
      setRows(result.rows);
      setTotal(result.total);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [file.checkId, sheet.index, page, filter, message]);

  // Reload when the file's check result changes (an edit elsewhere, a mapping correction, a commit).
  const fileKey = JSON.stringify([sheet.counts, sheet.mapping, file.status]);
  useEffect(() => {
    void load();
  }, [load, fileKey]);

  const updateRow = (result: { file: FileCheck; row: RowResult | null }) => {
    onFileChange(result.file);
  };

  const saveEdit = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      const result = await unwrap(api['import.editCell']({ checkId: file.checkId, sheetIndex: sheet.index, row: editing.row.row, field: editing.field, value: draft }));
      updateRow(result);
      setEditing(null);
      const r = result.row;
      void message.success(r && r.status !== 'error' ? `第 ${editing.row.row} 行已改正（${ROW_STATUS_LABELS[r.status]}）` : `已修改第 ${editing.row.row} 行，仍有问题`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const toggleExclude = async (row: RowResult) => {
    try {
      updateRow(await unwrap(api['import.excludeRow']({ checkId: file.checkId, sheetIndex: sheet.index, row: row.row, excluded: row.status !== 'excluded' })));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const confirmTransfer = async (row: RowResult, confirmed: boolean) => {
    try {
      updateRow(await unwrap(api['import.confirmTransfer']({ checkId: file.checkId, sheetIndex: sheet.index, row: row.row, confirmed })));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const openEditor = (r: RowResult, c: { column: string; header: string; field: string | null }) => {
    if (committed || !c.field) return;
    setDraft(c.field && r.edited.includes(c.field) ? String(r.values[c.field] ?? '') : (r.raw[c.column] ?? ''));
    setEditing({ row: r, field: c.field, column: c.column, header: c.header });
  };

  const dataColumns = sheet.columns.filter((c) => c.field !== null && c.field !== 'seq');
  // Wide enough for what the column holds: an 18-digit ID, a date, a code; free text by its header.
  const FIELD_WIDTHS: Record<string, number> = { id_number: 176, issue_date: 110, expiry_date: 110, birth_date: 110, cert_number: 136, item_code: 120, phone: 124, name: 86, sex: 64 };
  const widthOf = (header: string, field?: string | null) => (field && FIELD_WIDTHS[field]) || Math.min(220, Math.max(90, [...header].length * 16 + 24));
  // Fixed layout with the exact total, so the problem column keeps its width when the sheet is wide.
  const tableWidth = 48 + 56 + 108 + dataColumns.reduce((n, c) => n + widthOf(c.header, c.field), 0) + 260 + 78;
  const columns: ColumnsType<RowResult> = [
    { title: '行', dataIndex: 'row', width: 56, fixed: 'left', align: 'right', className: 'tabular' },
    {
      title: '状态',
      key: 'status',
      width: 108,
      fixed: 'left',
      render: (_v, r) => (
        <div className="import-status-cell">
          <Tag color={ROW_STATUS_COLORS[r.status]}>{ROW_STATUS_LABELS[r.status]}</Tag>
          {r.status === 'transfer' && !committed && (
            <Checkbox checked={r.transferConfirmed} onChange={(e) => void confirmTransfer(r, e.target.checked)} data-testid={`confirm-transfer-${r.row}`}>
              确认
            </Checkbox>
          )}
        </div>
      ),
    },
    {
      title: '问题',
      key: 'issues',
      width: 260,
      render: (_v, r) => {
        const shown = r.issues.filter((i) => i.severity !== 'note');
        if (shown.length === 0) return r.issues.length > 0 ? <Typography.Text type="secondary">{r.issues[0]?.detail}</Typography.Text> : null;
        return (
          <div className="import-issue-list">
            {shown.map((i, n) => {
              const target = i.column ? sheet.columns.find((c) => c.column === i.column && c.field !== null && c.field !== 'seq') : undefined;
              const text = `${i.column ? `${i.column}列：` : ''}${i.detail}`;
              return target && !committed ? (
                <Typography.Link key={n} type={i.severity === 'error' ? 'danger' : 'warning'} className="import-issue-line" onClick={() => openEditor(r, target)} title="点击改正">
                  {text}
                </Typography.Link>
              ) : (
                <Typography.Text key={n} type={i.severity === 'error' ? 'danger' : 'warning'} className="import-issue-line">
                  {text}
                </Typography.Text>
              );
            })}
          </div>
        );
      },
    },
    ...dataColumns.map((c) => ({
      title: (
        <Tooltip title={shape && c.field ? `对应：${fieldLabel(shape, c.field)}（${c.column} 列）` : `${c.column} 列`}>
          <span>{c.header}</span>
        </Tooltip>
      ),
      key: c.column,
      width: widthOf(c.header, c.field),
      onCell: (r: RowResult) => {
        const issues = r.issues.filter((i) => i.column === c.column);
        const level = worst(issues);
        return {
          className: `import-cell${level ? ` import-cell-${level}` : ''}${c.field && r.edited.includes(c.field) ? ' import-cell-edited' : ''}${committed ? '' : ' import-cell-editable'}`,
          onClick: () => openEditor(r, c),
          'data-testid': `cell-${r.row}-${c.column}`,
        } as React.HTMLAttributes<HTMLElement>;
      },
      render: (_v: unknown, r: RowResult) => {
        const issues = r.issues.filter((i) => i.column === c.column && i.severity !== 'note');
        const text = c.field && r.edited.includes(c.field) ? String(r.values[c.field] ?? '') : (r.raw[c.column] ?? '');
        const body = <span className="import-cell-text">{text || ' '}</span>;
        return issues.length > 0 ? <Tooltip title={issues.map((i) => `【${SEVERITY_LABELS[i.severity]}】${i.detail}`).join('\n')}>{body}</Tooltip> : body;
      },
    })),
    {
      title: '',
      key: 'actions',
      width: 78,
      fixed: 'right',
      render: (_v, r) =>
        committed ? null : (
          <Button size="small" type="text" icon={r.status === 'excluded' ? <UndoOutlined /> : <StopOutlined />} onClick={() => void toggleExclude(r)} data-testid={`exclude-${r.row}`}>
            {r.status === 'excluded' ? '恢复' : '排除'}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="preview-grid">
      <div className="import-toolbar">
        <Segmented<Filter>
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: `全部 ${sheet.counts.read}` },
            { value: 'errors', label: `只看错误 ${sheet.counts.errors}` },
            { value: 'warnings', label: '错误和警告' },
            { value: 'changes', label: `新增和修改 ${sheet.counts.add + sheet.counts.change + sheet.counts.transfer}` },
          ]}
          data-testid="row-filter"
        />
        {!committed && (
          <Typography.Text type="secondary">
            <EditOutlined /> 点击单元格可以改正，改正后整张表重新检查
          </Typography.Text>
        )}
      </div>
      <Table<RowResult>
        rowKey="row"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={rows}
        tableLayout="fixed"
        scroll={{ x: tableWidth, y: height }}
        rowClassName={(r) => (r.status === 'excluded' ? 'import-row-excluded' : '')}
        expandable={{
          rowExpandable: (r) => r.diff.length > 0 && (r.status === 'change' || r.status === 'transfer'),
          expandedRowRender: (r) => (
            <table className="import-diff" data-testid={`diff-${r.row}`}>
              <thead>
                <tr>
                  <th>字段</th>
                  <th>台账中</th>
                  <th>报送表中</th>
                </tr>
              </thead>
              <tbody>
                {r.diff.map((d) => (
                  <tr key={d.field}>
                    <td>{d.label}</td>
                    <td className="import-diff-before">{d.before ?? '（空）'}</td>
                    <td className="import-diff-after">{d.after ?? '（空）'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, showTotal: (t) => `共 ${t} 行`, onChange: setPage }}
        locale={{ emptyText: filter === 'errors' ? '没有错误行' : '没有数据行' }}
      />
      <Modal
        open={editing !== null}
        title={editing ? `改正第 ${editing.row.row} 行 ${editing.column} 列（${editing.header}）` : ''}
        okText="保存并重新检查"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void saveEdit()}
        onCancel={() => setEditing(null)}
        afterOpenChange={(open) => open && inputRef.current?.focus()}
        destroyOnHidden
      >
        {editing && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {editing.row.issues
              .filter((i) => i.column === editing.column)
              .map((i, n) => (
                <Typography.Text key={n} type={i.severity === 'error' ? 'danger' : i.severity === 'warning' ? 'warning' : 'secondary'}>
                  {i.detail}
                </Typography.Text>
              ))}
            <Typography.Text type="secondary">原表中为：{editing.row.raw[editing.column] ?? '（空）'}</Typography.Text>
            <Input ref={inputRef} value={draft} onChange={(e) => setDraft(e.target.value)} onPressEnter={() => void saveEdit()} data-testid="edit-cell-input" />
          </Space>
        )}
      </Modal>
    </div>
  );
}
