/** The two kinds of unit the bureau reports on (25 市直单位 + 12 乡镇（街道） in 2023). */
export const UNIT_KINDS = ['市直单位', '乡镇街道'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
