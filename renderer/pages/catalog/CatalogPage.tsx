import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Segmented, Space, Tabs, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { AgencySummary, InspectionItemRow, ListItemRow } from '../../../shared/api/methods/catalog.ts';
import { SEARCH_QUERY_MAX_LENGTH } from '../../../shared/domain/catalog-search.ts';
import { CATALOG_KINDS, INSPECTION_CATEGORIES, LIST_KIND_SHORT_LABELS, type CatalogKind, type InspectionCategory, type ListKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useFindShortcut } from '../../app/use-find-shortcut.ts';
import { navigate, type Route } from '../../app/use-hash-route.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { AgencySidebar } from './AgencySidebar.tsx';
import { parsePlace, placeHash, type CatalogPlace, type CatalogView } from './catalog-route.ts';
import { DuplicatesView } from './DuplicatesView.tsx';
import { publicationFilterOf, PublicationsView } from './PublicationsView.tsx';
import { PublicationTag } from './PublicationTag.tsx';
import { RecordDrawer, type RecordRef } from './RecordDrawer.tsx';
import { ItemEditor, ListEntryEditor } from './RecordEditors.tsx';
import { ItemsTable, ListTable } from './RecordTables.tsx';
import { SearchPanel } from './SearchPanel.tsx';
import { StatisticsView } from './StatisticsView.tsx';
import { useDeleteRecord } from './use-delete-record.tsx';
import './catalog.css';

/** #/catalog?category=一般检查事项: a link from a figure (概览's 一般 / 重点) opens the table filtered. */
function inspectionCategoryOf(raw: string | null): InspectionCategory | null {
  return INSPECTION_CATEGORIES.find((c) => c === raw) ?? null;
}

type Editing = { kind: 'inspection_items'; row: InspectionItemRow | null } | { kind: ListKind; row: ListItemRow | null };

function tabLabel(kind: CatalogKind, agency: AgencySummary | undefined, agencies: readonly AgencySummary[]): string {
  const count = (a: AgencySummary) => (kind === 'inspection_items' ? a.counts.items : a.counts[kind]);
  const n = agency ? count(agency) : agencies.reduce((s, a) => s + count(a), 0);
  return `${kind === 'inspection_items' ? '检查事项目录' : LIST_KIND_SHORT_LABELS[kind]} ${n.toLocaleString('zh-CN')}`;
}

/**
 * One page for the catalog (nav 检查事项, #/catalog) and the four lists (nav 四项清单, #/lists):
 * agencies down the side, the catalog and each list as tabs, a detail drawer, and the views for
 * publication, statistics with reconciliation, and possible duplicates; full-text search on top.
 */
export function CatalogPage({ route }: { route: Route }) {
  const place = parsePlace(route);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const agenciesState = useApi(() => api['catalog.agencies']({}), `agencies:${version}`);
  const agencies = agenciesState.data?.agencies ?? [];
  const agency = agencies.find((a) => a.unitId === place.unitId);

  const [searchInput, setSearchInput] = useState('');
  const [searchQuery, setSearchQuery] = useState('');
  const searchRef = useRef<React.ComponentRef<typeof Input>>(null);
  useFindShortcut(searchRef);
  // Each key searches at once (SearchPanel sends only the newest while one search runs), except
  // while an input method composes: its pinyin letters are not what the clerk is looking for.
  const composing = useRef(false);
  const typed = (value: string) => {
    setSearchInput(value);
    if (!composing.current) setSearchQuery(value.trim());
  };
  const searching = searchQuery !== '';
  const closeSearch = () => {
    setSearchInput('');
    setSearchQuery('');
  };

  const [drawer, setDrawer] = useState<RecordRef | null>(() => (place.open !== null && place.view === 'browse' ? { kind: place.tab, id: place.open } : null));
  const [editing, setEditing] = useState<Editing | null>(null);
  const showUndo = useUndoNotice();
  const deleteRecord = useDeleteRecord(changed);

  const go = (patch: Partial<CatalogPlace>) => navigate(placeHash({ ...place, open: null, ...patch }));
  const openEditor = (row: InspectionItemRow | ListItemRow | null, kind: CatalogKind) => {
    if (kind === 'inspection_items') setEditing({ kind, row: row && 'name' in row ? row : null });
    else setEditing({ kind, row: row && 'violation' in row ? row : null });
  };
  const saved = (text: string, operationId: number | null) => {
    setEditing(null);
    showUndo(text, operationId, changed);
    changed();
  };

  const views: { value: CatalogView; label: string }[] = [
    { value: 'browse', label: '目录与清单' },
    { value: 'publications', label: '发布情况' },
    { value: 'statistics', label: '统计与核对' },
    { value: 'duplicates', label: '疑似重复' },
  ];
  const title = place.view === 'browse' ? (place.tab === 'inspection_items' ? '检查事项' : '四项清单') : (views.find((v) => v.value === place.view)?.label ?? '');

  const browse = (
    <div className="catalog-layout">
      <AgencySidebar agencies={agencies} selected={place.unitId} tab={place.tab} onSelect={(unitId) => go({ unitId })} />
      <div className="catalog-main">
        <Tabs
          activeKey={place.tab}
          onChange={(k) => go({ tab: k as CatalogKind })}
          items={CATALOG_KINDS.map((k) => ({ key: k, label: tabLabel(k, agency, agencies) }))}
          style={{ marginBottom: 0 }}
          data-testid="catalog-tabs"
        />
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, margin: '0 0 8px' }}>
          <Space wrap>
            <Typography.Text strong>{agency ? agency.name : '全部单位'}</Typography.Text>
            {agency ? <PublicationTag publication={agency.publication} /> : null}
            <Typography.Text type="secondary">单击行查看详情，双击编辑</Typography.Text>
          </Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor(null, place.tab)} data-testid="add-record">
            {place.tab === 'inspection_items' ? '新增事项' : '新增清单事项'}
          </Button>
        </div>
        {place.tab === 'inspection_items' ? (
          <ItemsTable
            key={route.query.get('category') ?? ''}
            initialCategory={inspectionCategoryOf(route.query.get('category'))}
            unitId={place.unitId}
            version={version}
            selectedId={drawer?.kind === 'inspection_items' ? drawer.id : null}
            locateId={place.open}
            onOpen={(r) => setDrawer({ kind: 'inspection_items', id: r.id })}
            onEdit={(r) => openEditor(r, 'inspection_items')}
            onDelete={(r) => deleteRecord('inspection_items', r.id, r.name)}
          />
        ) : (
          <ListTable
            unitId={place.unitId}
            listKind={place.tab}
            version={version}
            selectedId={drawer?.kind === place.tab ? drawer.id : null}
            locateId={place.open}
            onOpen={(r) => setDrawer({ kind: r.listKind, id: r.id })}
            onEdit={(r) => openEditor(r, r.listKind)}
            onDelete={(r) => deleteRecord(r.listKind, r.id, r.violation)}
          />
        )}
      </div>
    </div>
  );

  const content = searching ? (
    <div className="catalog-main">
      <SearchPanel query={searchQuery} version={version} onOpen={setDrawer} onClose={closeSearch} />
    </div>
  ) : place.view === 'publications' ? (
    <div className="catalog-main">
      <PublicationsView key={route.query.get('status') ?? ''} version={version} onChanged={changed} initialFilter={publicationFilterOf(route.query.get('status'))} />
    </div>
  ) : place.view === 'statistics' ? (
    <div className="catalog-main">
      <StatisticsView version={version} onChanged={changed} />
    </div>
  ) : place.view === 'duplicates' ? (
    <div className="catalog-main">
      <DuplicatesView version={version} onOpen={setDrawer} />
    </div>
  ) : (
    browse
  );

  return (
    <div>
      <div className="page-header" style={{ gap: 16, flexWrap: 'wrap' }}>
        <Space size={16} wrap>
          <h1>{searching ? '全文检索' : title}</h1>
          <Segmented
            value={searching ? undefined : place.view}
            onChange={(v) => {
              closeSearch();
              navigate(v === 'browse' ? placeHash({ ...place, view: 'browse', open: null }) : `/catalog/${v}`);
            }}
            options={views}
            data-testid="catalog-views"
          />
        </Space>
        <Input
          ref={searchRef}
          allowClear
          prefix={<SearchOutlined />}
          placeholder="检索各单位的事项和清单（Ctrl+F）"
          value={searchInput}
          onChange={(e) => typed(e.target.value)}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            typed(e.currentTarget.value);
          }}
          onPressEnter={() => setSearchQuery(searchInput.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Escape') closeSearch();
          }}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          style={{ width: 340 }}
          data-testid="catalog-search"
        />
      </div>
      {agenciesState.error ? <Alert type="error" showIcon title={errorMessage(agenciesState.error)} style={{ marginBottom: 12 }} /> : null}
      {agenciesState.data && agencies.length === 0 ? <Empty description="还没有执法单位。请先在“概览”生成示例数据或“导入”各单位报送的文件，或在 设置 › 单位管理 中把单位标记为执法主体。" /> : content}
      {drawer ? (
        <RecordDrawer
          record={drawer}
          version={version}
          onClose={() => setDrawer(null)}
          onEdit={(row) => openEditor(row, 'name' in row ? 'inspection_items' : row.listKind)}
          onChanged={changed}
          onLocate={
            searching || place.view !== 'browse'
              ? (row) => {
                  closeSearch();
                  const kind: CatalogKind = 'name' in row ? 'inspection_items' : row.listKind;
                  navigate(placeHash({ view: 'browse', tab: kind, unitId: row.unitId, open: row.id }));
                }
              : undefined
          }
        />
      ) : null}
      {editing?.kind === 'inspection_items' ? (
        <ItemEditor item={editing.row} defaultUnitId={place.unitId} agencies={agencies} onClose={() => setEditing(null)} onSaved={saved} />
      ) : editing ? (
        <ListEntryEditor entry={editing.row} defaultUnitId={place.unitId} defaultKind={editing.kind} agencies={agencies} onClose={() => setEditing(null)} onSaved={saved} />
      ) : null}
    </div>
  );
}
