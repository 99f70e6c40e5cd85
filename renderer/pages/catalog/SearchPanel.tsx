import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { SearchHit, SearchResult } from '../../../shared/api/methods/catalog.ts';
import { CATALOG_KIND_SHORT_LABELS, CATALOG_KINDS, type CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useLatestApi } from '../../api/use-api.ts';
import { Highlighted } from './Highlighted.tsx';
import type { RecordRef } from './RecordDrawer.tsx';

const KIND_COLORS: Readonly<Record<CatalogKind, string>> = {
  inspection_items: 'blue',
  no_penalty: 'green',
  lighter_penalty: 'cyan',
  reduced_penalty: 'geekblue',
  no_coercion: 'purple',
};

interface HitGroup {
  unitId: number;
  unitName: string;
  kinds: { kind: CatalogKind; hits: SearchHit[] }[];
}

/** Hits grouped by agency, then kind; agencies in the order of their best hit. */
function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups: HitGroup[] = [];
  for (const hit of hits) {
    let g = groups.find((x) => x.unitId === hit.unitId);
    if (!g) {
      g = { unitId: hit.unitId, unitName: hit.unitName, kinds: [] };
      groups.push(g);
    }
    let k = g.kinds.find((x) => x.kind === hit.kind);
    if (!k) {
      k = { kind: hit.kind, hits: [] };
      g.kinds.push(k);
    }
    k.hits.push(hit);
  }
  for (const g of groups) g.kinds.sort((a, b) => CATALOG_KINDS.indexOf(a.kind) - CATALOG_KINDS.indexOf(b.kind));
  return groups;
}

/**
 * Hits painted with a new answer at once: more than a screenful. The rest (up to 200, each with its
 * snippets) follow in a background render, which would otherwise hold the first paint back by
 * hundreds of milliseconds on a busy machine. The cut is in display order, so what is on screen
 * does not move when the rest arrives below it.
 */
const FIRST_PAINT_HITS = 20;

function firstHits(groups: readonly HitGroup[], limit: number): HitGroup[] {
  const out: HitGroup[] = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    const kinds: HitGroup['kinds'] = [];
    for (const k of g.kinds) {
      if (left <= 0) break;
      const hits = k.hits.slice(0, left);
      left -= hits.length;
      kinds.push({ kind: k.kind, hits });
    }
    out.push({ ...g, kinds });
  }
  return out;
}

function HitRow({ hit, onOpen }: { hit: SearchHit; onOpen: (ref: RecordRef) => void }) {
  const open = () => onOpen({ kind: hit.kind, id: hit.id });
  return (
    <div
      className="catalog-search-hit"
      role="button"
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
      }}
      data-testid="search-hit"
    >
      <div className="catalog-search-hit-title">
        <Highlighted {...hit.title} />
        {hit.itemCode ? (
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {hit.itemCode}
          </Typography.Text>
        ) : null}
        {hit.category === '重点检查事项' ? (
          <Tag color="volcano" style={{ marginLeft: 8 }}>
            重点
          </Tag>
        ) : null}
      </div>
      {hit.fields.map((f) => (
        <div key={f.field} className="catalog-search-hit-field">
          <Typography.Text type="secondary">{f.label}：</Typography.Text>
          <Highlighted {...f.snippet} />
        </div>
      ))}
    </div>
  );
}

/** Results of the page's full-text search across every agency's catalog and lists. */
export function SearchPanel({ query, version, onOpen, onClose }: { query: string; version: number; onOpen: (ref: RecordRef) => void; onClose: () => void }) {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [kind, setKind] = useState<CatalogKind | null>(null);
  useEffect(() => {
    setUnitId(null);
    setKind(null);
  }, [query]);
  const result = useLatestApi<SearchResult>(() => api['search.query']({ q: query, unitId, kind, limit: 200 }), `search:${query}:${unitId}:${kind}:${version}`);
  const data = result.data;
  const allGroups = useMemo(() => groupHits(data?.hits ?? []), [data]);
  // The urgent render of a new answer shows its first hits; the deferred one (complete) all of them.
  const complete = useDeferredValue(data) === data;
  const grouped = useMemo(() => (complete ? allGroups : firstHits(allGroups, FIRST_PAINT_HITS)), [allGroups, complete]);

  const byKind = useMemo(() => {
    const m = new Map<CatalogKind, number>();
    for (const g of data?.groups ?? []) m.set(g.kind, (m.get(g.kind) ?? 0) + g.count);
    return m;
  }, [data]);
  const byUnit = useMemo(() => {
    const m = new Map<number, { name: string; count: number }>();
    for (const g of data?.groups ?? []) m.set(g.unitId, { name: g.unitName, count: (m.get(g.unitId)?.count ?? 0) + g.count });
    return [...m.entries()];
  }, [data]);
  const groupCount = (u: number, k: CatalogKind) => data?.groups?.find((g) => g.unitId === u && g.kind === k)?.count;

  return (
    <div data-testid="search-panel" style={{ paddingTop: 12 }}>
      <Space style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Typography.Text strong data-testid="search-summary">
            {data ? `“${data.query.trim()}”：找到 ${data.total.toLocaleString('zh-CN')} 条` : '正在检索…'}
          </Typography.Text>
          {data?.groups
            ? CATALOG_KINDS.filter((k) => byKind.get(k)).map((k) => (
                <Tag.CheckableTag key={k} checked={kind === k} onChange={(on) => setKind(on ? k : null)}>
                  {CATALOG_KIND_SHORT_LABELS[k]} {byKind.get(k)}
                </Tag.CheckableTag>
              ))
            : null}
          {data?.groups ? (
            <Select
              size="small"
              allowClear
              placeholder="按单位筛选"
              style={{ width: 220 }}
              value={unitId ?? undefined}
              onChange={(v: number | undefined) => setUnitId(v ?? null)}
              options={byUnit.map(([id, u]) => ({ value: id, label: `${u.name}（${u.count}）` }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          ) : null}
        </Space>
        <Button icon={<CloseOutlined />} onClick={onClose}>
          关闭检索（Esc）
        </Button>
      </Space>
      {result.error ? <Alert type="error" showIcon title={errorMessage(result.error)} /> : null}
      {data?.notice ? <Alert type="warning" showIcon title={data.notice} /> : null}
      {data && data.groups === null ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`匹配的事项太多，未按单位分别计数。下面按相关程度列出前 ${data.hits.length} 条；再输入几个字可缩小范围。`} />
      ) : null}
      {data?.truncated && data.groups !== null ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`只列出最相关的 ${data.hits.length} 条，可按清单或单位筛选，或再输入几个字缩小范围。`} />
      ) : null}
      {!data && !result.error ? <Skeleton active /> : null}
      {data && data.total === 0 && !data.notice ? <Empty description="没有找到。检索词应是原文中连续出现的文字，多个词用空格隔开。" /> : null}
      <div style={{ maxHeight: 'calc(100vh - 250px)', overflowY: 'auto' }}>
        {grouped.map((g) => (
          <section key={g.unitId} className="catalog-search-group" data-testid="search-group">
            <Typography.Title level={5} style={{ margin: '4px 0 4px' }}>
              {g.unitName}
            </Typography.Title>
            {g.kinds.map((k) => (
              <div key={k.kind} style={{ marginBottom: 6 }}>
                <Tag color={KIND_COLORS[k.kind]} style={{ marginBottom: 2 }}>
                  {CATALOG_KIND_SHORT_LABELS[k.kind]}
                  {groupCount(g.unitId, k.kind) !== undefined ? ` ${groupCount(g.unitId, k.kind)} 条` : ''}
                </Tag>
                {k.hits.map((hit) => (
                  <HitRow key={`${hit.kind}:${hit.id}`} hit={hit} onOpen={onOpen} />
                ))}
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
