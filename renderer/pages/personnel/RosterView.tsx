import { ClearOutlined, MailOutlined, PlusOutlined, PrinterOutlined, ReadOutlined, SearchOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { rosterFilterSchema, type RosterRow } from '../../../shared/api/methods/personnel.ts';
import { CERT_STATUS_CATEGORIES, type CertStatus, type CertStatusCategory } from '../../../shared/domain/certificate-status.ts';
import { CERT_TYPES, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { STAFFING_NOT_REPORTED, STAFFING_TYPES, type StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { ROSTER_SORT_KEYS, type RosterSortKey } from '../../../shared/domain/roster-query.ts';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useColumnChooser } from '../../app/column-chooser.tsx';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';
import { useDensity } from '../../app/density.tsx';
import { rememberedSort, useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import type { TableSort } from '../../../shared/domain/table-sort.ts';
import { useSettings } from '../../app/registry-env.tsx';
import { useFindShortcut } from '../../app/use-find-shortcut.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { numberRange } from '../../forms/contract-rules.ts';
import { LinkedFilterTags } from './LinkedFilterTags.tsx';
import { PersonEditor } from './PersonEditor.tsx';
import { DEFAULT_SORT, emptyFilter, isFiltered, queryFromView, ROSTER_HASH_KEY, viewFromQuery, type RosterView as View } from './roster-params.ts';
import { StatusTag } from './status-tag.tsx';
import { TrainingDialog } from './TrainingDialog.tsx';
import { isPlaceholder, useRosterWindow, type RosterTableRow } from './use-roster-window.ts';

/**
 * Height for the table body so the roster fills the window without a page scrollbar: what is left
 * below the table's top edge, minus its header row and the page's bottom padding.
 */
function useFillHeight(anchor: React.RefObject<HTMLDivElement | null>, layoutKey: string): number {
  const [height, setHeight] = useState(400);
  const { compact } = useDensity();
  // Header row, the sideways scrollbar and the page's bottom padding: 98 px in 标准; in 紧凑 a 26 px
  // header, a 13 px scrollbar and 12 px padding, so the page itself never scrolls.
  const below = compact ? 52 : 98;
  useLayoutEffect(() => {
    const measure = () => {
      const top = anchor.current?.getBoundingClientRect().top ?? 300;
      setHeight(Math.max(200, Math.floor(window.innerHeight - top - below)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [anchor, layoutKey, below]);
  return height;
}

/**
 * The status filter offers the groups 概览 counts in (CERT_STATUS_CATEGORIES), with the same words,
 * while the address keeps the statuses themselves (status=有效,即将到期), so a link naming part of a
 * group (暂扣 without 吊销) still filters exactly and shows what it filters.
 */
function statusGroupsOf(statuses: readonly CertStatus[]): CertStatusCategory[] {
  return CERT_STATUS_CATEGORIES.filter((c) => c.statuses.some((s: CertStatus) => statuses.includes(s))).map((c) => c.key);
}

function statusesOfGroups(keys: readonly CertStatusCategory[], current: readonly CertStatus[]): CertStatus[] {
  return CERT_STATUS_CATEGORIES.filter((c) => keys.includes(c.key)).flatMap((c) => {
    const kept = c.statuses.filter((s: CertStatus) => current.includes(s));
    // A group already chosen keeps the statuses it had; a group just added brings all of its own.
    return kept.length > 0 ? kept : [...c.statuses];
  });
}

function statusGroupLabel(key: CertStatusCategory, current: readonly CertStatus[]): string {
  const group = CERT_STATUS_CATEGORIES.find((c) => c.key === key);
  if (!group) return key;
  const kept = group.statuses.filter((s: CertStatus) => current.includes(s));
  return kept.length > 0 && kept.length < group.statuses.length ? kept.join(' / ') : group.label;
}

/** Long texts stay on one line, cut with …; the whole text is the cell's title, shown on hover. */
const ONE_LINE = { showTitle: false } as const;

function whole(text: string) {
  return <span title={text}>{text}</span>;
}

function muted(text: string) {
  return <span style={{ color: '#bbb' }}>{text}</span>;
}

const TABLE_KEY = 'roster';

function isRosterSortKey(key: string): key is RosterSortKey {
  return (ROSTER_SORT_KEYS as readonly string[]).includes(key);
}

/** The address's view; an address without a sort (a link from 概览, the menu) takes the sort the clerk chose last. */
function viewOf(query: URLSearchParams): View {
  const view = viewFromQuery(query);
  const remembered = query.has('sort') ? null : rememberedSort(TABLE_KEY);
  return remembered && isRosterSortKey(remembered.key) ? { ...view, sort: { key: remembered.key, order: remembered.order } } : view;
}

/** `actionsSlot`: where the page header wants the roster's buttons (rendered there through a portal). */
export function RosterView({ query, actionsSlot }: { query: URLSearchParams; actionsSlot: HTMLElement | null }) {
  const [view, setView] = useState<View>(() => viewOf(query));
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState(false);
  const [training, setTraining] = useState(false);
  const roster = useRosterWindow(view);
  const units = useApi(() => api['units.list']({}), 'roster-units');
  const { expiryWarningDays } = useSettings();
  const { compact } = useDensity();
  const showUndo = useUndoNotice();
  const searchRef = useRef<React.ComponentRef<typeof Input>>(null);
  useFindShortcut(searchRef);
  const tableAnchor = useRef<HTMLDivElement>(null);
  const tableHeight = useFillHeight(tableAnchor, `${JSON.stringify(view.filter)}|${roster.info ? 1 : 0}`);

  // A navigation to another roster address (a link, back/forward) replaces the view. The view's own
  // updates of the address use replaceState, which fires no hashchange, so they do not come back here.
  const queryText = query.toString();
  useEffect(() => {
    setView((current) => (queryFromView(current).toString() === queryText ? current : viewOf(new URLSearchParams(queryText))));
  }, [queryText]);

  // Keep the address in step with the view, without adding a history entry per keystroke.
  useEffect(() => {
    const q = queryFromView(view).toString();
    const hash = `#/personnel${q ? `?${q}` : ''}`;
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    sessionStorage.setItem(ROSTER_HASH_KEY, hash);
  }, [view]);

  const setFilter = (patch: Partial<View['filter']>) => {
    setView((v) => ({ ...v, filter: { ...v.filter, ...patch } }));
    setSelected([]);
  };

  const indexOf = useMemo(() => new Map((roster.info?.ids ?? []).map((id, i) => [id, i])), [roster.info]);
  const info = roster.info;

  const cell =
    (render: (row: RosterRow) => React.ReactNode) =>
    (_v: unknown, row: RosterTableRow): React.ReactNode => {
      if (isPlaceholder(row)) {
        roster.need(indexOf.get(row.id) ?? 0);
        return muted('…');
      }
      return render(row);
    };
  // Sorted by the backend: the header names the key, the address keeps the sort (useTableColumns remembers it too).
  const sortable = (key: RosterSortKey) => ({ key, serverSort: true });

  const allColumns: TableColumn<RosterTableRow>[] = [
    { title: '序号', key: 'seq', width: 56, align: 'right', fixed: 'left', render: (_v, row) => <span className="tabular">{(indexOf.get(row.id) ?? 0) + 1}</span> },
    {
      title: '姓名',
      width: 84,
      fixed: 'left',
      ...sortable('name'),
      render: cell((r) => (
        <a onClick={() => navigate(`/personnel/${r.id}`)} data-testid="person-link">
          {r.name}
        </a>
      )),
    },
    { title: '单位', width: 160, ellipsis: ONE_LINE, ...sortable('unit'), render: cell((r) => whole(r.unitName)) },
    {
      title: '性别',
      width: 68,
      align: 'center',
      ...sortable('sex'),
      render: cell((r) =>
        r.sexFromId ? (
          <Tooltip title={`身份证号显示为${r.sexFromId}性，与登记的性别不一致`}>
            <span style={{ color: '#d46b08' }}>
              {r.sex} <WarningFilled />
            </span>
          </Tooltip>
        ) : (
          r.sex
        ),
      ),
    },
    {
      title: '身份证号',
      width: 168,
      ...sortable('idNumber'),
      render: cell((r) => (
        <span className="tabular">
          {r.idNumber}
          {r.idProblem ? (
            <Tooltip title={r.idProblem}>
              <WarningFilled style={{ color: '#cf1322', marginLeft: 4 }} />
            </Tooltip>
          ) : null}
        </span>
      )),
    },
    { title: '证件编号', width: 132, ...sortable('certNumber'), render: cell((r) => (r.certNumber ? <span className="tabular">{r.certNumber}</span> : muted('—'))) },
    { title: '有效期至', width: 100, ...sortable('expiryDate'), render: cell((r) => <span className="tabular">{r.expiryDate ?? '—'}</span>) },
    { title: '状态', width: 92, ...sortable('status'), render: cell((r) => <StatusTag status={r.status} days={r.daysToExpiry} />) },
    {
      title: <Tooltip title={info ? `${info.trainingYear} 年已登记的培训学时` : undefined}>本年学时</Tooltip>,
      headerText: '本年学时',
      width: 104,
      align: 'right',
      ...sortable('trainingHours'),
      render: cell((r) =>
        r.trainingRequired && info && r.trainingHours < info.trainingRequiredHours ? (
          <Tooltip title={`低于每年 ${info.trainingRequiredHours} 学时的要求`}>
            <span style={{ color: '#cf1322' }} className="tabular">
              {r.trainingHours}
            </span>
          </Tooltip>
        ) : (
          <span className="tabular">{r.trainingHours}</span>
        ),
      ),
    },
    { title: '证件类型', width: 120, ...sortable('certType'), render: cell((r) => r.certType) },
    { title: '发证日期', width: 100, ...sortable('issueDate'), render: cell((r) => <span className="tabular">{r.issueDate ?? '—'}</span>) },
    { title: '职务', width: 120, ellipsis: ONE_LINE, ...sortable('post'), render: cell((r) => (r.post ? whole(r.post) : muted('—'))) },
    {
      title: '编制类型',
      width: 120,
      ...sortable('staffingType'),
      render: cell((r) =>
        r.staffingType === STAFFING_NOT_REPORTED ? (
          <Tooltip title="报送名册未填写编制类型，请向单位核实后在人员信息中补填">
            <Tag color="orange">未填写</Tag>
          </Tooltip>
        ) : (
          r.staffingType
        ),
      ),
    },
    { title: '执法类别', width: 120, ellipsis: ONE_LINE, ...sortable('category'), render: cell((r) => (r.enforcementCategory ? whole(r.enforcementCategory) : muted('—'))) },
    { title: '执法范围', width: 180, ...sortable('scope'), ellipsis: ONE_LINE, render: cell((r) => (r.enforcementScope ? whole(r.enforcementScope) : muted('—'))) },
    { title: '法制审核', width: 92, align: 'center', ...sortable('legalReviewer'), render: cell((r) => (r.isLegalReviewer ? '是' : '')) },
  ];

  const { shown, chooser } = useColumnChooser(TABLE_KEY, allColumns, { always: ['seq', 'name'], labels: { trainingHours: '本年学时' } });
  const onSortChange = useCallback((sort: TableSort | null) => {
    setView((v) => ({ ...v, sort: sort && isRosterSortKey(sort.key) ? { key: sort.key, order: sort.order } : DEFAULT_SORT }));
  }, []);
  const table = useTableColumns(TABLE_KEY, shown, null, { sort: view.sort, onSortChange });
  // The selection column (40) plus the columns shown, at the widths the clerk dragged them to.
  const scrollWidth = 40 + table.scrollX;

  const unitOptions = (units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const filter = view.filter;
  /** A printout of who is selected (ticked rows) or else of what the filter shows: the roster, or a letter to each unit. */
  const printRenewal = (document: 'renewal' | 'renewal-notice') => {
    const q = selected.length > 0 ? new URLSearchParams({ ids: selected.join(',') }) : queryFromView({ filter, sort: view.sort });
    navigate(`/print/${document}?${q.toString()}`);
  };

  return (
    <div>
      <Space orientation="vertical" size={compact ? 4 : 8} style={{ width: '100%', marginBottom: compact ? 4 : 8 }}>
        <Space wrap size={8}>
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder="姓名、拼音首字母、身份证号、证号（Ctrl+F）"
            value={filter.search}
            onChange={(e) => setFilter({ search: e.target.value })}
            style={{ width: 270 }}
            data-testid="roster-search"
          />
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="单位"
            maxTagCount="responsive"
            options={unitOptions}
            value={filter.unitIds}
            onChange={(unitIds: number[]) => setFilter({ unitIds })}
            style={{ width: 210 }}
            data-testid="filter-units"
          />
          <Select
            allowClear
            placeholder="单位类型"
            options={UNIT_KINDS.map((k) => ({ value: k, label: k === '乡镇街道' ? '乡镇（街道）' : k }))}
            value={filter.unitKind ?? undefined}
            onChange={(v: UnitKind | undefined) => setFilter({ unitKind: v ?? null })}
            style={{ width: 120 }}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder="证件状态"
            maxTagCount="responsive"
            options={CERT_STATUS_CATEGORIES.map((c) => ({ value: c.key, label: c.label }))}
            value={statusGroupsOf(filter.statuses)}
            labelRender={(option) => statusGroupLabel(option.value as CertStatusCategory, filter.statuses)}
            onChange={(keys: CertStatusCategory[]) => setFilter({ statuses: statusesOfGroups(keys, filter.statuses) })}
            style={{ width: 180 }}
            data-testid="filter-status"
          />
          <Select
            allowClear
            placeholder="证件类型"
            options={CERT_TYPES.map((t) => ({ value: t, label: t }))}
            value={filter.certType ?? undefined}
            onChange={(v: CertType | undefined) => setFilter({ certType: v ?? null })}
            style={{ width: 140 }}
          />
        </Space>
        <Space wrap size={12}>
          <Checkbox checked={filter.expiringWithinDays !== null} onChange={(e) => setFilter({ expiringWithinDays: e.target.checked ? expiryWarningDays : null })} data-testid="filter-expiring">
            证件在
          </Checkbox>
          <Space size={4} style={{ marginLeft: -8 }}>
            <InputNumber
              size="small"
              {...numberRange(rosterFilterSchema.shape.expiringWithinDays)}
              precision={0}
              value={filter.expiringWithinDays ?? expiryWarningDays}
              onChange={(v) => setFilter({ expiringWithinDays: typeof v === 'number' ? v : null })}
              style={{ width: 72 }}
              data-testid="filter-expiring-days"
            />
            <span>天内到期</span>
            <Checkbox checked={filter.includeExpired} disabled={filter.expiringWithinDays === null} onChange={(e) => setFilter({ includeExpired: e.target.checked })}>
              含已过期
            </Checkbox>
          </Space>
          <Checkbox checked={filter.trainingShort} onChange={(e) => setFilter({ trainingShort: e.target.checked })} data-testid="filter-training-short">
            本年学时不足{info ? ` ${info.trainingRequiredHours} ` : ''}
          </Checkbox>
          <Checkbox checked={filter.statuses.length === 1 && filter.statuses[0] === '无证'} onChange={(e) => setFilter({ statuses: e.target.checked ? ['无证'] : [] })}>
            无证人员
          </Checkbox>
          <Checkbox checked={filter.legalReviewersOnly} onChange={(e) => setFilter({ legalReviewersOnly: e.target.checked })}>
            法制审核人员
          </Checkbox>
          <Select
            mode="multiple"
            allowClear
            placeholder="编制类型"
            maxTagCount="responsive"
            options={STAFFING_TYPES.map((t) => ({ value: t, label: t }))}
            value={filter.staffingTypes}
            onChange={(staffingTypes: StaffingType[]) => setFilter({ staffingTypes })}
            size="small"
            style={{ width: 150 }}
            data-testid="filter-staffing"
          />
          <LinkedFilterTags filter={filter} onChange={setFilter} />
          {isFiltered(filter) ? (
            <Button size="small" icon={<ClearOutlined />} onClick={() => setFilter(emptyFilter())}>
              清除筛选
            </Button>
          ) : null}
          {chooser}
          <Typography.Text type="secondary" data-testid="roster-count">
            {info ? (isFiltered(filter) ? `筛选出 ${info.total.toLocaleString('zh-CN')} 人` : `共 ${info.total.toLocaleString('zh-CN')} 人`) : '正在读取…'}
            {selected.length > 0 ? `，已选 ${selected.length} 人` : ''}
          </Typography.Text>
        </Space>
      </Space>
      {actionsSlot
        ? createPortal(
            <Space size={8}>
              <TableExportMenu query={{ kind: 'roster', filter }} columns={table.columns} sort={view.sort} disabled={!info || info.total === 0} size="middle" />
              <Button icon={<ReadOutlined />} disabled={selected.length === 0} onClick={() => setTraining(true)}>
                登记培训
              </Button>
              <Tooltip title={selected.length > 0 ? `为已选的 ${selected.length} 人打印换证名册` : '按当前筛选结果打印换证名册'}>
                <Button icon={<PrinterOutlined />} onClick={() => printRenewal('renewal')} disabled={!info || (info.total === 0 && selected.length === 0)} data-testid="print-renewal">
                  换证名册
                </Button>
              </Tooltip>
              <Tooltip title={selected.length > 0 ? `向已选的 ${selected.length} 人所在单位打印换证通知` : '按当前筛选结果，向每个单位打印换证通知（附名单）'}>
                <Button icon={<MailOutlined />} onClick={() => printRenewal('renewal-notice')} disabled={!info || (info.total === 0 && selected.length === 0)} data-testid="print-renewal-notice">
                  换证通知
                </Button>
              </Tooltip>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)}>
                新增人员
              </Button>
            </Space>,
            actionsSlot,
          )
        : null}
      <div ref={tableAnchor} />
      {roster.error ? <Alert type="error" showIcon message={errorMessage(roster.error)} style={{ marginBottom: 8 }} /> : null}
      <Table<RosterTableRow>
        virtual
        rowKey="id"
        size="small"
        bordered
        columns={table.columns}
        {...table.tableProps}
        dataSource={roster.data}
        loading={roster.loading && !info}
        pagination={false}
        scroll={{ x: scrollWidth, y: tableHeight }}
        data-testid="roster-table"
        locale={{ emptyText: roster.loading ? '正在读取…' : isFiltered(filter) ? '没有符合条件的人员' : '名册中还没有人员。可以新增人员，或在“导入”中导入各单位报送的名册。' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          columnWidth: 40,
          fixed: 'left',
        }}
        onRow={(row) => ({ onDoubleClick: () => navigate(`/personnel/${row.id}`) })}
      />
      {editing ? (
        <PersonEditor
          person={null}
          defaultUnitId={filter.unitIds.length === 1 ? filter.unitIds[0] : null}
          onClose={() => setEditing(false)}
          onSaved={(text, operationId, id) => {
            setEditing(false);
            showUndo(text, operationId, roster.reload);
            navigate(`/personnel/${id}`);
          }}
        />
      ) : null}
      {training ? (
        <TrainingDialog
          personIds={selected}
          onClose={() => setTraining(false)}
          onSaved={(text, operationId) => {
            setTraining(false);
            showUndo(text, operationId, roster.reload);
            roster.reload();
          }}
        />
      ) : null}
    </div>
  );
}
