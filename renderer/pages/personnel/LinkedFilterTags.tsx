import { Tag } from 'antd';
import { CERT_FLOW_LABELS } from '../../../shared/domain/certificate-flows.ts';
import type { RosterView } from './roster-params.ts';

type Filter = RosterView['filter'];

/**
 * The roster's filters that have no control of their own: they arrive by a link (概览's charts and
 * warnings, the annual report's figures). Each shows as a tag, closed to drop it, so the clerk sees
 * why the list is what it is.
 */
export function LinkedFilterTags({ filter, onChange }: { filter: Filter; onChange: (patch: Partial<Filter>) => void }) {
  const tags: { key: string; text: string; clear: Partial<Filter> }[] = [];
  if (filter.personnelKind) tags.push({ key: 'kind', text: `人员类别：${filter.personnelKind}`, clear: { personnelKind: null } });
  if (filter.expiryFrom || filter.expiryTo) {
    tags.push({ key: 'expiry', text: `有效期至 ${filter.expiryFrom ?? '…'} 至 ${filter.expiryTo ?? '…'}（有效证件）`, clear: { expiryFrom: null, expiryTo: null } });
  }
  if (filter.trainingHoursMin !== null || filter.trainingHoursBelow !== null) {
    const parts = [filter.trainingHoursMin !== null ? `≥ ${filter.trainingHoursMin}` : '', filter.trainingHoursBelow !== null ? `< ${filter.trainingHoursBelow}` : ''].filter(Boolean);
    tags.push({ key: 'hours', text: `本年学时 ${parts.join(' 且 ')}（在岗执法人员）`, clear: { trainingHoursMin: null, trainingHoursBelow: null } });
  }
  if (filter.certFlow) tags.push({ key: 'flow', text: `${filter.certFlow.year} 年${CERT_FLOW_LABELS[filter.certFlow.kind]}`, clear: { certFlow: null } });
  if (tags.length === 0) return null;
  return (
    <span data-testid="linked-filters">
      {tags.map((t) => (
        <Tag key={t.key} color="blue" closable onClose={() => onChange(t.clear)}>
          {t.text}
        </Tag>
      ))}
    </span>
  );
}
