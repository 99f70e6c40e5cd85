import type { Backend } from '../../electron/backend/backend.ts';
import type { PersonDetail } from '../../shared/api/methods/personnel.ts';
import { callOk } from './backend.ts';

/**
 * Registry data that a spreadsheet could take for formulas, entered the way a clerk would (through
 * the API): a person in the renewal window with a formula in 职务, 执法类别, 执法范围 and 备注, a unit
 * whose name starts with '-', an inspection item and a list item starting with = and @. Every export
 * must carry these texts exactly and escaped.
 */
export interface PlantedFormulas {
  personId: number;
  unitId: number;
  itemId: number;
  listItemId: number;
  agencyId: number;
  texts: string[];
}

export const PERSON_FORMULAS = {
  post: '=HYPERLINK("http://example.com","点此")',
  enforcementCategory: '+1+1',
  enforcementScope: '@SUM(A1:A9)',
  notes: '-2+3',
} as const;
export const UNIT_FORMULA = '-测试单位（公式）';
export const ITEM_FORMULA = "=cmd|' /C calc'!A0";
export const LIST_FORMULA = '@违法行为（公式）';

export async function plantFormulaLikeData(backend: Backend): Promise<PlantedFormulas> {
  const db = backend.context.db;
  const personId = db
    .prepare(`SELECT person_id FROM certificate_current WHERE state = '有效' AND cert_type = '行政执法证' AND expiry_date > ? ORDER BY expiry_date LIMIT 1`)
    .pluck()
    .get(backend.context.today()) as number;
  const detail = await callOk<PersonDetail>(backend, 'personnel.get', { id: personId });
  const p = detail.person;
  await callOk(backend, 'personnel.update', {
    id: personId,
    values: {
      unitId: p.unitId,
      personnelKind: p.personnelKind,
      name: p.name,
      sex: p.sex,
      idNumber: null,
      staffingType: p.staffingType,
      isLegalReviewer: p.isLegalReviewer,
      phone: p.phone,
      ...PERSON_FORMULAS,
    },
  });
  const unit = await callOk<{ id: number }>(backend, 'units.create', {
    name: UNIT_FORMULA,
    shortName: null,
    kind: '市直单位',
    keepsInspectionLists: false,
    sortOrder: 999,
    staffingQuota: null,
    contactPerson: null,
    contactPhone: null,
    notes: null,
    aliases: [],
  });
  const agencyId = db.prepare(`SELECT id FROM units WHERE keeps_inspection_lists = 1 ORDER BY sort_order, id LIMIT 1`).pluck().get() as number;
  const item = await callOk<{ id: number }>(backend, 'catalog.create', {
    unitId: agencyId,
    itemCode: null,
    name: ITEM_FORMULA,
    category: '一般检查事项',
    basis: '=法律依据',
    subject: null,
    undertakingBody: null,
    target: null,
    content: '+检查内容',
    method: null,
    frequency: null,
    notes: null,
  });
  const listItem = await callOk<{ id: number }>(backend, 'lists.create', {
    unitId: agencyId,
    listKind: 'no_penalty',
    matter: null,
    violation: LIST_FORMULA,
    violationBasis: null,
    penaltyBasis: '-处罚依据',
    conditions: null,
    discretion: null,
    notes: null,
  });
  return {
    personId,
    unitId: unit.id,
    itemId: item.id,
    listItemId: listItem.id,
    agencyId,
    texts: [...Object.values(PERSON_FORMULAS), UNIT_FORMULA, ITEM_FORMULA, LIST_FORMULA],
  };
}
