/** Enforcement staff hold 行政执法证; supervision staff (of governments and supervising bodies) hold 行政执法监督证. */
export const PERSONNEL_KINDS = ['执法人员', '监督人员'] as const;
export type PersonnelKind = (typeof PERSONNEL_KINDS)[number];

export const SEXES = ['男', '女'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Staffing types. Only 在编在职 staff may hold a certificate; 聘用辅助人员 (hired auxiliary staff)
 * may assist but never hold one (湘政府令第280号). 未填写: the agency's roster did not say (most
 * agency rosters carry no 编制类型 column); the person is registered, the type is to be confirmed.
 */
export const STAFFING_TYPES = ['行政编制', '参照公务员管理', '事业编制', '工勤', '聘用辅助人员', '未填写'] as const;
export type StaffingType = (typeof STAFFING_TYPES)[number];

/** The staffing type of a person whose roster did not report it (to be confirmed, see certificateEligibility). */
export const STAFFING_NOT_REPORTED = '未填写' satisfies StaffingType;

/** The staffing types a clerk or an agency states (every type but 未填写). */
export const REPORTED_STAFFING_TYPES = STAFFING_TYPES.filter((t): t is Exclude<StaffingType, typeof STAFFING_NOT_REPORTED> => t !== STAFFING_NOT_REPORTED);
