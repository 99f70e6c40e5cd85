import { EditOutlined, FormOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Modal, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ROW_FILTERS } from '../../../shared/api/methods/import.ts';
import type { FileCheck, RowResult, SheetCheck } from '../../../shared/import/check-schema.ts';
import { fieldDef, fieldLabel } from '../../../shared/import/column-synonyms.ts';
import { ROW_STATUS_LABELS, SEVERITY_LABELS, shapeOfKind, type Severity } from '../../../shared/import/import-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { FillDialog } from './FillDialog.tsx';
import { ROW_STATUS_COLORS } from './labels.ts';

/**
 * The rows of one sheet as the agency wrote them, page by page from the backend: each cell with a
 * problem filled (red: error, yellow: warning) and its reason on hover; a click corrects the cell
 * and the sheet is checked again — the grid then shows the saved value and what problems remain;
 * a row can be left out; a transfer confirmed; 批量填写 fills a column wherever it is empty. Long
 * texts (违反条款, 处罚依据, numbered 适用条件) show in full on hover, and a row expands to show all of
 * them, with what differs from the registry field by field.
 */

type Filter = (typeof ROW_FILTERS)[number];
const PAGE_SIZE = 50;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };
/** A text longer than this (or on several lines) is shortened in the grid and shown whole on hover and in the expanded row. */
const LONG_TEXT = 24;

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

/** A column of the grid: one of the sheet's own, or a field the clerk filled in that the sheet has no column for. */
interface GridColumn {
  column: string;
  header: string;
  field: string;
  /** Not in the agency's sheet: filled in here (批量填写). */
  added: boolean;
}

const isLong = (text: string) => text.length > LONG_TEXT || text.includes('\n');

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
  const [selected, setSelected] = useState<number[]>([]);
  const [fillOpen, setFillOpen] = useState(false);
  const inputRef = useRef<React.ComponentRef<typeof Input>>(null);
  const textRef = useRef<React.ComponentRef<typeof Input.TextArea>>(null);
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

  // Reload when the file's check result changes (an edit, a fill, a mapping correction, a commit, units decided).
  const fileKey = JSON.stringify([sheet.counts, sheet.mapping, file.status, file.pendingChanges, sheet.issueTotal]);
  useEffect(() => {
    void load();
  }, [load, fileKey]);

  const afterChange = (result: { file: FileCheck; row: RowResult | null }) => {
    // The changed row at once (its saved value and the problems that remain), then the file and the page.
    const changed = result.row;
    if (changed) setRows((prev) => prev.map((r) => (r.row === changed.row ? changed : r)));
    onFileChange(result.file);
    void load();
  };

  const saveEdit = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      const result = await unwrap(api['import.editCell']({ checkId: file.checkId, sheetIndex: sheet.index, row: editing.row.row, field: editing.field, value: draft }));
      afterChange(result);
      setEditing(null);
      const r = result.row;
      const left = r ? r.issues.filter((i) => i.severity === 'error').length : 0;
      void message.success(r && r.status !== 'error' ? `第 ${editing.row.row} 行已改正（${ROW_STATUS_LABELS[r.status]}）` : `已保存第 ${editing.row.row} 行的修改，这一行还有 ${left} 个错误`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const toggleExclude = async (row: RowResult) => {
    try {
      afterChange(await unwrap(api['import.excludeRow']({ checkId: file.checkId, sheetIndex: sheet.index, row: row.row, excluded: row.status !== 'excluded' })));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const confirmTransfer = async (row: RowResult, confirmed: boolean) => {
    try {
      afterChange(await unwrap(api['import.confirmTransfer']({ checkId: file.checkId, sheetIndex: sheet.index, row: row.row, confirmed })));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  /** What a cell shows: the clerk's correction (the saved value, as typed) if any, else the agency's text. */
  const cellText = (r: RowResult, c: GridColumn) => r.edits[c.field] ?? (c.added ? '' : (r.raw[c.column] ?? ''));

  const openEditor = (r: RowResult, c: GridColumn) => {
    if (committed) return;
    setDraft(cellText(r, c));
    setEditing({ row: r, field: c.field, column: c.column, header: c.header });
  };

  const sheetColumns: GridColumn[] = sheet.columns.filter((c) => c.field !== null && c.field !== 'seq').map((c) => ({ column: c.column, header: c.header, field: c.field ?? '', added: false }));
  // Fields the clerk filled in that the sheet has no column for (编制类型 of a roster without one).
  const mapped = new Set(sheetColumns.map((c) => c.field));
  const addedFields = [...new Set(rows.flatMap((r) => r.edited))].filter((f) => !mapped.has(f));
  // Shown first, so the clerk sees at once what was filled in.
  const dataColumns: GridColumn[] = [...addedFields.map((f) => ({ column: '', header: `${shape ? fieldLabel(shape, f) : f}（已填写）`, field: f, added: true })), ...sheetColumns];
  const columnFor = (issue: { column: string | null; field: string | null }) =>
    dataColumns.find((c) => (issue.column ? c.column === issue.column : c.field === issue.field)) ??
    (issue.field && shape && fieldDef(shape, issue.field) ? { column: '', header: fieldLabel(shape, issue.field), field: issue.field, added: true } : undefined);

  // Wide enough for what the column holds: an 18-digit ID, a date, a code; free text by its header.
  const FIELD_WIDTHS: Record<string, number> = { id_number: 176, issue_date: 110, expiry_date: 110, birth_date: 110, cert_number: 136, item_code: 120, phone: 124, name: 86, sex: 64 };
  // A unit list's names are its whole content: wide enough to read them whole.
  const UNIT_WIDTHS: Record<string, number> = { name: 230, aliases: 220, kind: 110 };
  const widthOf = (c: GridColumn) => (shape === 'units' ? UNIT_WIDTHS[c.field] : undefined) ?? FIELD_WIDTHS[c.field] ?? Math.min(220, Math.max(90, [...c.header].length * 16 + 24));
  // Fixed layout with the exact total, so the problem column keeps its width when the sheet is wide.
  const tableWidth = 48 + 32 + 56 + 108 + dataColumns.reduce((n, c) => n + widthOf(c), 0) + 260 + 78;
  const longFields = (r: RowResult) => dataColumns.filter((c) => isLong(cellText(r, c)));

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
          <div className="import-issue-list" data-testid={`issues-${r.row}`}>
            {shown.map((i, n) => {
              const target = columnFor(i);
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
        <Tooltip title={c.added ? '报送表中没有这一列，内容为在预览中填写的' : shape ? `对应：${fieldLabel(shape, c.field)}（${c.column} 列）` : `${c.column} 列`}>
          <span>{c.header}</span>
        </Tooltip>
      ),
      key: c.column || `added-${c.field}`,
      width: widthOf(c),
      onCell: (r: RowResult) => {
        const issues = r.issues.filter((i) => (c.added ? i.field === c.field && !i.column : i.column === c.column));
        const level = worst(issues);
        return {
          className: `import-cell${level ? ` import-cell-${level}` : ''}${r.edited.includes(c.field) ? ' import-cell-edited' : ''}${committed ? '' : ' import-cell-editable'}`,
          onClick: () => openEditor(r, c),
          'data-testid': `cell-${r.row}-${c.column || c.field}`,
        } as React.HTMLAttributes<HTMLElement>;
      },
      render: (_v: unknown, r: RowResult) => {
        const issues = r.issues.filter((i) => (c.added ? i.field === c.field && !i.column : i.column === c.column) && i.severity !== 'note');
        const text = cellText(r, c);
        const long = isLong(text);
        const body = <span className={`import-cell-text${long ? ' import-cell-text-long' : ''}`}>{text || ' '}</span>;
        const tip = [...issues.map((i) => `【${SEVERITY_LABELS[i.severity]}】${i.detail}`), ...(long ? [text] : [])].join('\n\n');
        return tip ? (
          <Tooltip title={<div className="import-tooltip-text">{tip}</div>} styles={{ root: { maxWidth: 520 } }}>
            {body}
          </Tooltip>
        ) : (
          body
        );
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
        <Space wrap>
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
          {!committed && shape && (
            <Button icon={<FormOutlined />} onClick={() => setFillOpen(true)} data-testid="open-fill">
              批量填写{selected.length > 0 ? `（已勾选 ${selected.length} 行）` : ''}
            </Button>
          )}
        </Space>
        {!committed && (
          <Typography.Text type="secondary">
            <EditOutlined /> 点击单元格可以改正，改正后整张表重新检查；长文字指向单元格可看全文，或展开该行
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
        rowSelection={committed ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), columnWidth: 32, preserveSelectedRowKeys: true }}
        expandable={{
          rowExpandable: (r) => (r.diff.length > 0 && (r.status === 'change' || r.status === 'transfer')) || longFields(r).length > 0,
          expandedRowRender: (r) => (
            <div className="import-expanded" data-testid={`expanded-${r.row}`}>
              {r.diff.length > 0 && (
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
              )}
              {longFields(r).length > 0 && (
                <dl className="import-long-texts">
                  {longFields(r).map((c) => (
                    <div key={c.column || c.field}>
                      <dt>{c.header}</dt>
                      <dd>{cellText(r, c)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, showTotal: (t) => `共 ${t} 行`, onChange: setPage }}
        locale={{ emptyText: filter === 'errors' ? '没有错误行' : '没有数据行' }}
      />
      <Modal
        open={editing !== null}
        title={editing ? `改正第 ${editing.row.row} 行${editing.column ? ` ${editing.column} 列` : ''}（${editing.header}）` : ''}
        okText="保存并重新检查"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void saveEdit()}
        onCancel={() => setEditing(null)}
        afterOpenChange={(open) => {
          if (open) (textRef.current ?? inputRef.current)?.focus();
        }}
        destroyOnHidden
      >
        {editing && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {editing.row.issues
              .filter((i) => (editing.column ? i.column === editing.column : i.field === editing.field))
              .map((i, n) => (
                <Typography.Text key={n} type={i.severity === 'error' ? 'danger' : i.severity === 'warning' ? 'warning' : 'secondary'}>
                  {i.detail}
                </Typography.Text>
              ))}
            <Typography.Text type="secondary" className="import-tooltip-text">
              原表中为：{(editing.column ? editing.row.raw[editing.column] : undefined) ?? '（空）'}
            </Typography.Text>
            {shape && fieldDef(shape, editing.field)?.long ? (
              // Long texts keep their line breaks: Enter starts a new line, Ctrl+Enter saves.
              <Input.TextArea
                ref={textRef}
                value={draft}
                autoSize={{ minRows: 3, maxRows: 10 }}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.ctrlKey) void saveEdit();
                }}
                data-testid="edit-cell-input"
              />
            ) : (
              <Input ref={inputRef} value={draft} onChange={(e) => setDraft(e.target.value)} onPressEnter={() => void saveEdit()} data-testid="edit-cell-input" />
            )}
          </Space>
        )}
      </Modal>
      {shape && (
        <FillDialog
          file={file}
          sheet={sheet}
          shape={shape}
          selectedRows={selected}
          open={fillOpen}
          onClose={() => setFillOpen(false)}
          onFilled={(f) => {
            setSelected([]);
            onFileChange(f);
          }}
        />
      )}
    </div>
  );
}
