import { STAFFING_WITHOUT_CERTIFICATE } from './certificate-rules.ts';
import { addDays } from './dates.ts';
import { STAFFING_TYPES } from './personnel-fields.ts';

/**
 * The registry's data-quality checks: what each finds, where the clerk fixes it, and the list that
 * shows it. The overview's warnings and the audit workbook's 数据问题 sheet both use these words
 * and links (electron/backend/quality/data-quality.ts finds them).
 */
export const QUALITY_CHECKS = [
  'no_certificate',
  'staffing_unconfirmed',
  'may_not_hold',
  'legal_review_short',
  'submission_stale',
  'expired',
  'id_invalid',
  'sex_mismatch',
  'agency_without_catalog',
  'unpublished',
  'duplicates',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

/**
 * The staffing type of a person whose staffing is still to be confirmed (an import without the
 * column). Added to the vocabulary by the importer's work; until then no person can have it.
 */
export const UNCONFIRMED_STAFFING_TYPE = '未填写';

/** Staffing types that may hold a card (for the 无证 list: auxiliaries without a card are normal). */
export const STAFFING_WITH_CERTIFICATE: readonly string[] = STAFFING_TYPES.filter((t) => !STAFFING_WITHOUT_CERTIFICATE.includes(t));

/** Statuses of a card that is still open (a card or an application a person may not have). */
export const OPEN_CARD_STATUSES = ['有效', '即将到期', '已过期', '暂扣', '待考试', '待发证'] as const;

export interface QualityCheckInfo {
  label: string;
  /** What the clerk does about it, and where. */
  fix: string;
  /** The list behind the check (a hash route), when one list shows all of it. */
  link: string | null;
}

/** A query string (shared/ has neither Node's nor the browser's URLSearchParams). */
const q = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

export const QUALITY_CHECK_INFO: Readonly<Record<QualityCheck, QualityCheckInfo>> = {
  no_certificate: {
    label: '在编人员无执法证件',
    fix: '执法人员 › 打开该人员 › 证件“申领”，考试合格后“发证”；已调离执法岗位的请调出或删除',
    link: `/personnel?${q({ staffing: STAFFING_WITH_CERTIFICATE.join(','), status: '无证' })}`,
  },
  staffing_unconfirmed: {
    label: '编制类型待确认',
    fix: '执法人员 › 打开该人员 › 编辑 › 编制类型',
    link: `/personnel?${q({ staffing: UNCONFIRMED_STAFFING_TYPE })}`,
  },
  may_not_hold: {
    label: '聘用辅助人员、工勤人员持有证件',
    fix: '执法人员 › 打开该人员 › 注销证件或撤回申领；编制类型填错的请更正',
    link: `/personnel?${q({ staffing: STAFFING_WITHOUT_CERTIFICATE.join(','), status: OPEN_CARD_STATUSES.join(',') })}`,
  },
  legal_review_short: {
    label: '法制审核人员低于规定比例的单位',
    fix: '执法人员 › 法制审核人员：为该单位指定法制审核人员（打开人员 › 编辑 › 法制审核人员）',
    link: '/personnel/legal-review',
  },
  submission_stale: {
    label: '未按期报送的执法单位',
    fix: '请该单位报送最新的名册、检查事项目录和四项清单，在“导入”中导入',
    link: '/import',
  },
  expired: {
    label: '证件已过期未换证',
    fix: '执法人员 › 打开该人员 › “换证”（须先登记换证考试成绩）；不再从事执法的请注销证件',
    link: `/personnel?${q({ status: '已过期' })}`,
  },
  id_invalid: {
    label: '身份证号校验不通过',
    fix: '执法人员 › 打开该人员 › 编辑 › 身份证号（核对原件）',
    link: null,
  },
  sex_mismatch: {
    label: '性别与身份证号不符',
    fix: '执法人员 › 打开该人员 › 编辑 › 性别或身份证号',
    link: null,
  },
  agency_without_catalog: {
    label: '执法单位尚无检查事项目录',
    fix: '请该单位报送分类检查事项目录，在“导入”中导入，或在“检查事项”中录入',
    link: '/catalog',
  },
  unpublished: {
    label: '“一目录四清单”未发布或已失效的执法单位',
    fix: '检查事项 › 发布情况 › 登记文件（文号、发布日期、有效期）',
    link: '/catalog/publications',
  },
  duplicates: {
    label: '清单中疑似重复、尚未复核的事项',
    fix: '检查事项 › 疑似重复：与相关单位核实后“已复核，保留”或修改清单',
    link: '/catalog/duplicates',
  },
};

/** The default “last submission older than” date: a year before today. */
export function defaultStaleBefore(today: string): string {
  return addDays(today, -365);
}
