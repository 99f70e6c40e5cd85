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
