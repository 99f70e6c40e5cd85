import { z } from 'zod';

/**
 * The figures the bureau reported for a year (the annual 法治政府建设工作报告), kept so the registry's
 * own counts can be set beside them and every difference shown. Stored as JSON in the `settings`
 * table under REPORTED_FIGURES_SETTINGS_KEY; until the clerk edits them, the 2023 report applies.
 */

export const REPORTED_FIGURES_SETTINGS_KEY = 'catalogReportedFigures';

const count = z.number().int().min(0).max(10_000_000);
const optionalCount = count.nullable();

/** The counts a report (or an agency's own submission) states; null where it states nothing. */
export const figureCountsSchema = z
  .object({
    items: optionalCount,
    general: optionalCount,
    key: optionalCount,
    no_penalty: optionalCount,
    lighter_penalty: optionalCount,
    reduced_penalty: optionalCount,
    no_coercion: optionalCount,
  })
  .strict();
export type FigureCounts = z.infer<typeof figureCountsSchema>;
export const FIGURE_KEYS = ['items', 'general', 'key', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Readonly<Record<FigureKey, string>> = {
  items: '分类检查事项',
  general: '一般检查事项',
  key: '重点检查事项',
  no_penalty: '不予处罚事项清单',
  lighter_penalty: '从轻处罚事项清单',
  reduced_penalty: '减轻处罚事项清单',
  no_coercion: '不予实施行政强制措施事项清单',
};

/** Section 五(一) and (三) of the report: units, personnel, legal reviewers, and cards issued that year. */
export const PERSONNEL_FIGURE_KEYS = ['municipalUnits', 'townships', 'enforcement', 'supervision', 'legalReviewers', 'issued'] as const;
export type PersonnelFigureKey = (typeof PERSONNEL_FIGURE_KEYS)[number];
export const PERSONNEL_FIGURE_LABELS: Readonly<Record<PersonnelFigureKey, string>> = {
  municipalUnits: '市直单位',
  townships: '乡镇（街道）',
  enforcement: '行政执法人员',
  supervision: '行政执法监督人员',
  legalReviewers: '法制审核人员',
  issued: '当年发证人数',
};
export const personnelFiguresSchema = z
  .object({
    municipalUnits: optionalCount,
    townships: optionalCount,
    enforcement: optionalCount,
    supervision: optionalCount,
    legalReviewers: optionalCount,
    issued: optionalCount,
  })
  .strict();
export type PersonnelFigures = z.infer<typeof personnelFiguresSchema>;
export const EMPTY_PERSONNEL_FIGURES: PersonnelFigures = { municipalUnits: null, townships: null, enforcement: null, supervision: null, legalReviewers: null, issued: null };

export const reportedYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2199),
    /** Where the figures come from, e.g. 沅江市2023年法治政府建设工作报告. */
    source: z.string().trim().max(100),
    /** 全市N个行政执法单位 */
    agencies: optionalCount,
    totals: figureCountsSchema,
    /** How many agencies the report says have published their catalog and lists. */
    published: optionalCount,
    /** The agencies the report names as published, as written there (简称 or full name). */
    publishedAgencies: z.array(z.string().trim().min(2).max(60)).max(500),
    /** Per-agency figures where the clerk has them (e.g. from each agency's own submission). */
    perAgency: z.array(figureCountsSchema.extend({ unitId: z.number().int().positive() }).strict()).max(1000),
    /** Units, personnel and cards issued, as the report states them (figures saved before this existed: none). */
    personnel: personnelFiguresSchema.default(EMPTY_PERSONNEL_FIGURES),
  })
  .strict();
export type ReportedYear = z.infer<typeof reportedYearSchema>;

export const reportedFiguresSchema = z
  .object({ years: z.array(reportedYearSchema).max(100) })
  .strict()
  .refine((v) => new Set(v.years.map((y) => y.year)).size === v.years.length, { message: '同一年度只能有一份报告数字', path: ['years'] });
export type ReportedFigures = z.infer<typeof reportedFiguresSchema>;
/** What a caller may send: a year saved before the personnel figures existed has none. */
export type ReportedFiguresInput = z.input<typeof reportedFiguresSchema>;

/** 沅江市2023年法治政府建设工作报告, section 五(二). */
export const REPORT_2023: ReportedYear = {
  year: 2023,
  source: '沅江市2023年法治政府建设工作报告',
  agencies: 23,
  totals: { items: 1771, general: 1538, key: 233, no_penalty: 220, lighter_penalty: 89, reduced_penalty: 96, no_coercion: 23 },
  published: 14,
  publishedAgencies: [
    '市农业农村局',
    '市林业局',
    '市文旅广体局',
    '市公安局',
    '市气象局',
    '市水利局',
    '市卫健局',
    '市税务局',
    '市医疗保障局',
    '市财政局',
    '市司法局',
    '市应急管理局',
    '市城管局',
    '市消防救援大队',
  ],
  perAgency: [],
  personnel: { municipalUnits: 25, townships: 12, enforcement: 1032, supervision: 28, legalReviewers: 62, issued: 428 },
};

export const DEFAULT_REPORTED_FIGURES: ReportedFigures = { years: [REPORT_2023] };
