import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/api/result.ts';
import { ApiCallError } from './client.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data through one API call and reloads it when `key` changes or `reload()` is called.
 * A response that arrives after a newer request started is dropped.
 */
export function useApi<T>(load: () => Promise<Result<T>>, key: string): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const requestId = useRef(0);

  useEffect(() => {
    const id = ++requestId.current;
    setLoading(true);
    void loadRef.current().then((result) => {
      if (id !== requestId.current) return;
      if (result.ok) {
        setData(result.value);
        setError(undefined);
      } else {
        setError(new ApiCallError(result.error));
      }
      setLoading(false);
    });
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}

/**
 * useApi for a query that changes with every key (a search box), sent without waiting for a pause:
 * at most one request is in flight, and the keys typed while it runs are not sent one by one — when
 * its answer comes (and is dropped, being stale), only the newest key's request follows. So the
 * answer to the last key comes at most one request's time after it, and a slow backend never has a
 * request per key queued up behind the first.
 */
export function useLatestApi<T>(load: () => Promise<Result<T>>, key: string): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef(false);
  /** The request to send when the one in flight answers. */
  const waiting = useRef<string | null>(null);

  const send = useCallback((requestKey: string) => {
    inFlight.current = true;
    const settle = (apply: () => void) => {
      inFlight.current = false;
      const next = waiting.current;
      waiting.current = null;
      if (next !== null && next !== requestKey) {
        sendRef.current(next);
        return;
      }
      apply();
      setLoading(false);
    };
    loadRef.current().then(
      (result) =>
        settle(() => {
          if (result.ok) {
            setData(result.value);
            setError(undefined);
          } else {
            setError(new ApiCallError(result.error));
          }
        }),
      () => settle(() => setError(new ApiCallError({ code: 'INTERNAL', message: '读取失败' }))),
    );
  }, []);
  const sendRef = useRef(send);

  useEffect(() => {
    const requestKey = `${key}\u0000${nonce}`;
    setLoading(true);
    if (inFlight.current) waiting.current = requestKey;
    else send(requestKey);
  }, [key, nonce, send]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
