import type { Route } from '../../app/use-hash-route.ts';
import { PlaceholderPage } from '../placeholder/PlaceholderPage.tsx';

export function ExportPage(_props: { route: Route }) {
  return <PlaceholderPage title="导出与打印" description="换证人员名册、注销公示名单和执法人员公示名单将在这里预览、打印和导出。" />;
}
