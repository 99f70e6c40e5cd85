import type { Route } from '../../app/use-hash-route.ts';
import { PlaceholderPage } from '../placeholder/PlaceholderPage.tsx';

export function PersonnelPage(_props: { route: Route }) {
  return <PlaceholderPage title="执法人员" description="执法人员名册、证件状态、换证与注销、培训学时将在这里管理。" />;
}
