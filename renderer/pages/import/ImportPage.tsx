import type { Route } from '../../app/use-hash-route.ts';
import { PlaceholderPage } from '../placeholder/PlaceholderPage.tsx';

export function ImportPage(_props: { route: Route }) {
  return <PlaceholderPage title="导入" description="各单位报送的 Excel 名册、目录和清单将在这里检查并导入。" />;
}
