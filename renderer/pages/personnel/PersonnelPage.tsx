import { Card, Tabs } from 'antd';
import { useState } from 'react';
import type { Route } from '../../app/use-hash-route.ts';
import { navigate } from '../../app/use-hash-route.ts';
import { LegalReviewView } from './LegalReviewView.tsx';
import { PersonPage } from './PersonPage.tsx';
import { ROSTER_HASH_KEY } from './roster-params.ts';
import { RosterView } from './RosterView.tsx';
import { TrainingView } from './TrainingView.tsx';

/**
 * #/personnel            the roster (filters in the query string)
 * #/personnel/123        one person
 * #/personnel/training   training hours against the yearly requirement
 * #/personnel/legal-review  legal-review staff per unit
 */
export function PersonnelPage({ route }: { route: Route }) {
  // The roster puts its buttons here, beside the page title, to leave the table more rows.
  const [actionsSlot, setActionsSlot] = useState<HTMLDivElement | null>(null);
  const sub = route.params[0];
  if (sub && /^\d+$/.test(sub)) return <PersonPage key={sub} id={Number(sub)} />;
  const tab = sub === 'training' || sub === 'legal-review' ? sub : 'roster';
  return (
    <div>
      <div className="page-header">
        <h1>执法人员</h1>
        <div ref={setActionsSlot} />
      </div>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            // Back on the roster, the clerk finds the filter they left.
            if (key === 'roster') window.location.hash = sessionStorage.getItem(ROSTER_HASH_KEY) ?? '#/personnel';
            else navigate(`/personnel/${key}`);
          }}
          destroyOnHidden
          items={[
            { key: 'roster', label: '人员名册', children: <RosterView query={route.query} actionsSlot={actionsSlot} /> },
            { key: 'training', label: '培训学时', children: <TrainingView /> },
            { key: 'legal-review', label: '法制审核人员', children: <LegalReviewView /> },
          ]}
        />
      </Card>
    </div>
  );
}
