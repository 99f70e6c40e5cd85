import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Modal, Spin, Tag, Tooltip, Typography, type InputRef } from 'antd';
import { flushSync } from 'react-dom';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { GlobalSearchHit, GlobalSearchResult } from '../../shared/api/methods/search.ts';
import { GLOBAL_SEARCH_GROUP_LABELS } from '../../shared/api/methods/search.ts';
import { SEARCH_QUERY_MAX_LENGTH } from '../../shared/domain/catalog-search.ts';
import { CATALOG_KIND_SHORT_LABELS } from '../../shared/domain/list-kinds.ts';
import { api } from '../api/client.ts';
import { placeHash } from '../pages/catalog/catalog-route.ts';
import { pageHasOwnFind } from './use-find-shortcut.ts';

/** Long enough to skip the searches between keystrokes of a name, short enough not to feel slow. */
const SEARCH_DELAY_MS = 120;
const HITS_PER_GROUP = 6;

const SHORTCUT_HELP = 'Ctrl+K：在任何页面打开全局搜索。Ctrl+F：在人员名册、检查事项和单位管理页定位到本页的搜索框，在其他页面同样打开全局搜索。';

/** Where a hit opens: the person's page, the unit's people on the roster, the record's drawer in the catalog. */
function hitPath(hit: GlobalSearchHit): string {
  switch (hit.kind) {
    case 'person':
      return `/personnel/${hit.id}`;
    case 'unit':
      return `/personnel?units=${hit.id}`;
    case 'catalog':
      return placeHash({ view: 'browse', tab: hit.catalogKind, unitId: hit.unitId, open: hit.id });
  }
}

function HitRow({ hit }: { hit: GlobalSearchHit }) {
  switch (hit.kind) {
    case 'person':
      return (
        <>
          <span className="global-search-title">{hit.name}</span>
          <span className="global-search-detail">
            {hit.unitName} · {hit.idNumberMasked}
            {hit.certNumber ? ` · 证号 ${hit.certNumber}` : ''}
          </span>
        </>
      );
    case 'unit':
      return (
        <>
          <span className="global-search-title">{hit.name}</span>
          <span className="global-search-detail">
            {hit.matchedAlias ? `又称“${hit.matchedAlias}” · ` : ''}
            {hit.unitKind} · {hit.people} 人
          </span>
        </>
      );
    case 'catalog':
      return (
        <>
          <span className="global-search-title">
            <Tag bordered={false} color={hit.catalogKind === 'inspection_items' ? 'blue' : 'purple'} className="global-search-kind">
              {CATALOG_KIND_SHORT_LABELS[hit.catalogKind]}
            </Tag>
            {hit.title}
          </span>
          <span className="global-search-detail">
            {hit.unitName}
            {hit.itemCode ? ` · ${hit.itemCode}` : ''}
          </span>
        </>
      );
  }
}

interface Answer {
  /** The text it answers, exactly as typed. */
  text: string;
  result: GlobalSearchResult;
}

/**
 * The header's search box (Ctrl+K anywhere, Ctrl+F where the page has no search box of its own):
 * people, units, inspection items and list entries in one list grouped by kind. Arrows move through
 * the hits, Enter opens the highlighted one (the first, so a single hit opens with Enter), Esc closes.
 * The search runs a moment after the last keystroke; an answer to older text never replaces a newer one.
 */
export function GlobalSearch({ onOpen }: { onOpen: (path: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  /** Enter pressed before the answer to the current text arrived: open its first hit when it does. */
  const enterPending = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<InputRef>(null);

  const hits = useMemo(() => answer?.result.groups.flatMap((g) => g.hits) ?? [], [answer]);

  const close = useCallback(() => {
    setOpen(false);
    setText('');
    setAnswer(null);
    setError(null);
    enterPending.current = false;
    latest.current += 1;
  }, []);

  const openHit = useCallback(
    (hit: GlobalSearchHit) => {
      close();
      onOpen(hitPath(hit));
    },
    [close, onOpen],
  );

  const run = useCallback(
    (q: string) => {
      const id = ++latest.current;
      if (q.trim() === '') {
        setAnswer(null);
        enterPending.current = false;
        return;
      }
      void api['search.global']({ q, limit: HITS_PER_GROUP }).then((result) => {
        if (id !== latest.current) return;
        if (!result.ok) {
          setError(result.error.message);
          enterPending.current = false;
          return;
        }
        setError(null);
        setAnswer({ text: q, result: result.value });
        setActive(0);
        if (enterPending.current) {
          enterPending.current = false;
          const first = result.value.groups[0]?.hits[0];
          if (first) openHit(first);
        }
      });
    },
    [openHit],
  );

  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => run(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, open, run]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'k' || (key === 'f' && !pageHasOwnFind())) {
        event.preventDefault();
        // Rendered and focused before this handler returns, so the keys typed next land in the box.
        flushSync(() => setOpen(true));
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    listRef.current?.querySelector('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (answer && answer.text === text) {
        const hit = hits[active];
        if (hit) openHit(hit);
      } else if (text.trim() !== '') {
        // Typed faster than the search: answer now and open what it finds first.
        enterPending.current = true;
        run(text);
      }
    }
  };

  const stale = answer !== null && answer.text !== text;
  let index = -1;
  return (
    <>
      <Tooltip title={SHORTCUT_HELP} placement="bottom">
        <button type="button" className="global-search-trigger" onClick={() => setOpen(true)} data-testid="global-search-trigger">
          <SearchOutlined />
          <span className="global-search-placeholder">搜索人员、单位、事项…</span>
          <kbd>Ctrl K</kbd>
        </button>
      </Tooltip>
      <Modal
        open={open}
        onCancel={close}
        footer={null}
        closable={false}
        width={680}
        style={{ top: 64 }}
        transitionName=""
        maskTransitionName=""
        styles={{ body: { padding: 0 }, container: { padding: 0, overflow: 'hidden' } }}
      >
        <div className="global-search" data-testid="global-search">
          <Input
            ref={inputRef}
            autoFocus
            size="large"
            variant="borderless"
            prefix={<SearchOutlined />}
            suffix={stale ? <Spin size="small" /> : null}
            placeholder="姓名、拼音（zhangsan 或 zs）、身份证号片段、证号、单位、检查事项、清单条目"
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            aria-label="全局搜索"
            data-testid="global-search-input"
          />
          <div className="global-search-results" ref={listRef} role="listbox">
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
            {answer && answer.result.groups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有找到“${answer.text}”`} />}
            {answer?.result.groups.map((group) => (
              <div key={group.kind} className="global-search-group" data-testid={`global-search-group-${group.kind}`}>
                <div className="global-search-group-head">
                  {GLOBAL_SEARCH_GROUP_LABELS[group.kind]}
                  <span>{group.total > group.hits.length ? `共 ${group.total} 条，显示前 ${group.hits.length} 条` : `${group.total} 条`}</span>
                </div>
                {group.hits.map((hit) => {
                  index += 1;
                  const i = index;
                  return (
                    <div
                      key={`${hit.kind}-${hit.kind === 'catalog' ? hit.catalogKind : ''}-${hit.id}`}
                      role="option"
                      aria-selected={i === active}
                      data-active={i === active}
                      data-testid="global-search-hit"
                      className={`global-search-hit${i === active ? ' is-active' : ''}`}
                      onMouseMove={() => setActive(i)}
                      onClick={() => openHit(hit)}
                    >
                      <HitRow hit={hit} />
                    </div>
                  );
                })}
              </div>
            ))}
            {!answer && !error && <div className="global-search-hint">输入后即时显示结果；简称（如“市监局”“危化品”）按 设置 › 业务规则 中的同义词一并查找。</div>}
          </div>
          <div className="global-search-footer">↑ ↓ 选择 · Enter 打开 · Esc 关闭</div>
        </div>
      </Modal>
    </>
  );
}
