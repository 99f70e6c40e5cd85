import { useEffect, useState } from 'react';

/**
 * Hash routes (#/personnel/12) work the same under app:// and http://127.0.0.1 and survive reloads
 * without any server-side routing.
 */
export interface Route {
  /** First path segment: 'overview', 'personnel', … */
  page: string;
  /** The remaining segments. */
  params: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: segments[0] ?? 'overview', params: segments.slice(1), query: new URLSearchParams(queryPart) };
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('/') ? path : `/${path}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
