import type { Route } from '../../app/use-hash-route.ts';

/** Full-window print preview (#/print/<document>?…), rendered without the navigation shell. */
export function PrintPage({ route }: { route: Route }) {
  return <div style={{ padding: 24 }}>打印预览：{route.params[0] ?? '（未指定文档）'}</div>;
}
