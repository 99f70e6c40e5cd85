import type { Route } from '../../app/use-hash-route.ts';
import { PlaceholderPage } from '../placeholder/PlaceholderPage.tsx';

/** One page for the catalog (nav 检查事项, route #/catalog) and the four lists (nav 四项清单, route #/lists). */
export function CatalogPage({ route }: { route: Route }) {
  return route.page === 'lists' ? (
    <PlaceholderPage title="四项清单" description="不予处罚、从轻处罚、减轻处罚、不予实施行政强制措施四项清单将在这里查询和维护。" />
  ) : (
    <PlaceholderPage title="检查事项" description="各执法单位的分类检查事项目录将在这里查询和维护。" />
  );
}
