import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RosterRow } from '../../../shared/api/methods/personnel.ts';
import { api, ApiCallError, unwrap } from '../../api/client.ts';
import type { RosterView } from './roster-params.ts';

/**
 * The roster as a window onto a server-side query: the backend filters and sorts (SQL), answers
 * every matching id in order plus the first rows, and the table asks for more rows, a block at a
 * time, as they scroll into view. 100,000 people never cross the bridge at once.
 */

const BLOCK = 100;

export interface PlaceholderRow {
  id: number;
  placeholder: true;
}
export type RosterTableRow = RosterRow | PlaceholderRow;

export function isPlaceholder(row: RosterTableRow): row is PlaceholderRow {
  return 'placeholder' in row;
}

interface QueryState {
  ids: number[];
  total: number;
  today: string;
  trainingYear: number;
  trainingRequiredHours: number;
}

export interface RosterWindow {
  data: RosterTableRow[];
  info: QueryState | null;
  loading: boolean;
  error: ApiCallError | null;
  /** Called by the table while rendering a row it has no data for yet. */
  need: (index: number) => void;
  reload: () => void;
}

export function useRosterWindow(view: RosterView, searchDelayMs = 250): RosterWindow {
  const [info, setInfo] = useState<QueryState | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [version, setVersion] = useState(0);
  const [nonce, setNonce] = useState(0);
  const rows = useRef(new Map<number, RosterRow>());
  const blocks = useRef(new Set<number>());
  const pending = useRef(new Set<number>());
  const scheduled = useRef(false);
  const generation = useRef(0);
  const idsRef = useRef<number[]>([]);
  const certType = view.filter.certType;

  const key = JSON.stringify(view);
  const searchKey = view.filter.search;
  const lastSearch = useRef(searchKey);

  useEffect(() => {
    const gen = ++generation.current;
    // Typing in the search box waits for a pause; every other change applies at once.
    const delay = lastSearch.current !== searchKey ? searchDelayMs : 0;
    lastSearch.current = searchKey;
    setLoading(true);
    const timer = setTimeout(() => {
      unwrap(api['personnel.query']({ filter: view.filter, sort: view.sort, firstRows: BLOCK }))
        .then((result) => {
          if (gen !== generation.current) return;
          rows.current = new Map(result.rows.map((r) => [r.id, r]));
          blocks.current = new Set([0]);
          pending.current = new Set();
          idsRef.current = result.ids;
          setInfo({ ids: result.ids, total: result.total, today: result.today, trainingYear: result.trainingYear, trainingRequiredHours: result.trainingRequiredHours });
          setError(null);
          setLoading(false);
          setVersion((v) => v + 1);
        })
        .catch((err: unknown) => {
          if (gen !== generation.current) return;
          setError(err instanceof ApiCallError ? err : new ApiCallError({ code: 'INTERNAL', message: '读取名册失败' }));
          setLoading(false);
        });
    }, delay);
    return () => clearTimeout(timer);
    // `key` stands for the whole view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nonce]);

  const flush = useCallback(() => {
    const gen = generation.current;
    const wanted = [...pending.current];
    pending.current = new Set();
    for (const block of wanted) {
      const ids = idsRef.current.slice(block * BLOCK, (block + 1) * BLOCK);
      if (ids.length === 0) continue;
      void unwrap(api['personnel.rows']({ ids, certType }))
        .then((result) => {
          if (gen !== generation.current) return;
          for (const r of result.rows) rows.current.set(r.id, r);
          setVersion((v) => v + 1);
        })
        .catch(() => {
          // Let the next render ask again.
          blocks.current.delete(block);
        });
    }
  }, [certType]);

  const need = useCallback(
    (index: number) => {
      const block = Math.floor(index / BLOCK);
      if (blocks.current.has(block)) return;
      blocks.current.add(block);
      // Also the next block, so scrolling down finds rows ready.
      if (!blocks.current.has(block + 1) && (block + 1) * BLOCK < idsRef.current.length) {
        blocks.current.add(block + 1);
        pending.current.add(block + 1);
      }
      pending.current.add(block);
      if (!scheduled.current) {
        // Never set state while the table renders: fetch after this render.
        scheduled.current = true;
        setTimeout(() => {
          scheduled.current = false;
          flush();
        }, 0);
      }
    },
    [flush],
  );

  const data = useMemo<RosterTableRow[]>(() => {
    void version;
    return (info?.ids ?? []).map((id) => rows.current.get(id) ?? { id, placeholder: true });
  }, [info, version]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, info, loading, error, need, reload };
}
