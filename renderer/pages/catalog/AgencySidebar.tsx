import { Input, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgencySummary } from '../../../shared/api/methods/catalog.ts';
import type { CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { STATUS_COLORS } from './PublicationTag.tsx';

function countFor(agency: AgencySummary, kind: CatalogKind): number {
  return kind === 'inspection_items' ? agency.counts.items : agency.counts[kind];
}

/** The agencies down the side, each with its count for the open tab and its publication status. */
export function AgencySidebar({ agencies, selected, tab, onSelect }: { agencies: readonly AgencySummary[]; selected: number | null; tab: CatalogKind; onSelect: (unitId: number | null) => void }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim();
    return q ? agencies.filter((a) => a.name.includes(q) || (a.shortName ?? '').includes(q)) : agencies;
  }, [agencies, filter]);
  const total = agencies.reduce((s, a) => s + countFor(a, tab), 0);
  const listRef = useRef<HTMLDivElement>(null);
  // An agency chosen from elsewhere (a search result) is scrolled into sight.
  useEffect(() => {
    listRef.current?.querySelector('.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, agencies.length]);
  return (
    <nav className="catalog-sidebar" aria-label="执法单位" data-testid="agency-sidebar">
      <div style={{ padding: '10px 12px 8px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>执法单位（{agencies.length}）</Typography.Text>
        <Input size="small" allowClear placeholder="筛选单位" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ marginTop: 6 }} />
      </div>
      <div className="catalog-sidebar-list" role="listbox" aria-label="执法单位列表" ref={listRef}>
        <div
          role="option"
          aria-selected={selected === null}
          tabIndex={0}
          className={`catalog-agency${selected === null ? ' is-selected' : ''}`}
          onClick={() => onSelect(null)}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(null)}
        >
          <span className="catalog-agency-name">全部单位</span>
          <span className="catalog-agency-count">{total.toLocaleString('zh-CN')}</span>
        </div>
        {shown.map((a) => (
          <div
            key={a.unitId}
            role="option"
            aria-selected={selected === a.unitId}
            tabIndex={0}
            title={`${a.name}：${a.publication.status}${a.publication.expiringSoon ? '，即将到期' : ''}`}
            className={`catalog-agency${selected === a.unitId ? ' is-selected' : ''}`}
            onClick={() => onSelect(a.unitId)}
            onKeyDown={(e) => e.key === 'Enter' && onSelect(a.unitId)}
            data-testid={`agency-${a.unitId}`}
          >
            <span className="catalog-status-dot" style={{ background: a.publication.expiringSoon ? '#fa8c16' : STATUS_COLORS[a.publication.status] }} />
            <span className="catalog-agency-name">{a.shortName ?? a.name}</span>
            <span className="catalog-agency-count">{countFor(a, tab).toLocaleString('zh-CN')}</span>
          </div>
        ))}
      </div>
      <div style={{ padding: '6px 12px', borderTop: '1px solid #f0f0f0', fontSize: 12, color: 'rgba(0,0,0,0.55)', display: 'flex', gap: 10, flexWrap: 'wrap' }}>
        {(['已发布', '未发布', '已失效'] as const).map((s) => (
          <span key={s} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span className="catalog-status-dot" style={{ background: STATUS_COLORS[s] }} />
            {s}
          </span>
        ))}
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span className="catalog-status-dot" style={{ background: '#fa8c16' }} />
          即将到期
        </span>
      </div>
    </nav>
  );
}
