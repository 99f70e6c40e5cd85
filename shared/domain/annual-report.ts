import { formatChineseDate } from './dates.ts';
import { LIST_KINDS, type ListKind } from './list-kinds.ts';

/**
 * The paragraphs of the annual 法治政府建设工作报告 that the registry can support, in the report's own
 * words (沅江市2023年报告, section 五). Stock figures (units, people, items, lists, publications) are
 * as of the day of writing; flow figures (cards issued, renewed, cancelled, training hours) are the
 * chosen year's. Every figure carries the list behind it, so the page can link it and the clerk
 * can check it; the plain text is what goes into the report.
 */

export const REPORT_FIGURES = [
  'municipalUnits',
  'townships',
  'enforcement',
  'supervision',
  'issued',
  'renewed',
  'cancelled',
  'inForce',
  'agencies',
  'items',
  'general',
  'key',
  'no_penalty',
  'lighter_penalty',
  'reduced_penalty',
  'no_coercion',
  'published',
  'trainingHours',
  'trainingRequired',
  'trainingMet',
  'legalReviewers',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

export interface ReportInputs {
  year: number;
  /** The day the stock figures stand at. */
  asOf: string;
  figures: Readonly<Record<ReportFigure, number>>;
  /** The agencies that have published, as the report names them (short names). */
  publishedNames: readonly string[];
  /** The yearly training requirement (学时). */
  requiredHours: number;
}

export type ReportSegment = { text: string } | { figure: ReportFigure; value: number; link: string };

export interface ReportParagraph {
  heading: string;
  segments: ReportSegment[];
}

/** The list behind each figure (a hash route of the program). */
export function figureLink(figure: ReportFigure, year: number): string {
  const lists: Partial<Record<ReportFigure, ListKind>> = { no_penalty: 'no_penalty', lighter_penalty: 'lighter_penalty', reduced_penalty: 'reduced_penalty', no_coercion: 'no_coercion' };
  const list = lists[figure];
  if (list) return `/lists/${list}`;
  switch (figure) {
    case 'municipalUnits':
    case 'townships':
      return '/settings/units';
    case 'enforcement':
      return `/personnel?kind=${encodeURIComponent('执法人员')}`;
    case 'supervision':
      return `/personnel?kind=${encodeURIComponent('监督人员')}`;
    case 'issued':
    case 'renewed':
    case 'cancelled':
      return `/personnel?flow=${figure}:${year}`;
    case 'inForce':
      return `/personnel?status=${encodeURIComponent('有效,即将到期')}`;
    case 'agencies':
      return '/catalog/statistics';
    case 'items':
    case 'general':
    case 'key':
      return '/catalog';
    case 'published':
      return `/catalog/publications?status=${encodeURIComponent('已发布')}`;
    case 'trainingHours':
    case 'trainingRequired':
    case 'trainingMet':
      return '/personnel/training';
    case 'legalReviewers':
      return '/personnel?reviewers=1';
    default:
      return '/';
  }
}

/** Builds paragraphs from a template where {name} marks a figure. */
function paragraph(heading: string, template: string, inputs: ReportInputs, extra: Readonly<Record<string, string>> = {}): ReportParagraph {
  const segments: ReportSegment[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  const push = (text: string) => {
    if (text) segments.push({ text });
  };
  for (let m = re.exec(template); m; m = re.exec(template)) {
    push(template.slice(last, m.index));
    const name = m[1] ?? '';
    if (name in extra) push(extra[name] ?? '');
    else {
      const figure = name as ReportFigure;
      segments.push({ figure, value: inputs.figures[figure], link: figureLink(figure, inputs.year) });
    }
    last = m.index + m[0].length;
  }
  push(template.slice(last));
  return { heading, segments };
}

const LIST_WORDS: Readonly<Record<ListKind, string>> = {
  no_penalty: '不予处罚事项清单',
  lighter_penalty: '从轻处罚事项清单',
  reduced_penalty: '减轻处罚事项清单',
  no_coercion: '不予实施行政强制措施事项清单',
};

export function composeAnnualReport(inputs: ReportInputs): ReportParagraph[] {
  const f = inputs.figures;
  const asOf = formatChineseDate(inputs.asOf);
  const flows = [`${inputs.year}年共发证{issued}人`, f.renewed > 0 ? '，其中换证{renewed}人' : '', f.cancelled > 0 ? '；注销证件{cancelled}人' : ''].join('');
  const lists = LIST_KINDS.map((k) => `${LIST_WORDS[k]}{${k}}项`).join('，');
  const names = inputs.publishedNames.length > 0 ? `现${inputs.publishedNames.join('、')}等{published}个单位` : '现有{published}个单位';
  return [
    paragraph(
      '（一）强化执法人员资格管理。',
      `积极组织行政执法人员换证、考证工作，对全市{municipalUnits}个市直单位和{townships}个乡镇（街道）的{enforcement}人、{supervision}名行政执法监督人员进行了换证统计和上报工作。${flows}。截至${asOf}，全市持有效行政执法证件{inForce}人，所有持证人员均录入系统平台进行动态管理。`,
      inputs,
    ),
    paragraph(
      '（二）落实柔性执法创新举措。',
      `全市{agencies}个行政执法单位，分类检查事项{items}项，其中一般检查事项{general}项，重点检查事项{key}项；${lists}。${names}已以部门规范性文件的形式向社会公开发布了“一目录四清单”。`,
      inputs,
    ),
    paragraph(
      '（三）加大行政执法培训力度。',
      f.trainingHours > 0
        ? `${inputs.year}年全市行政执法人员参加培训共{trainingHours}学时，应参训的{trainingRequired}人中{trainingMet}人达到每人每年${inputs.requiredHours}学时的要求；全市现有法制审核人员{legalReviewers}名。`
        : // No training recorded that year: say so rather than report zero hours.
          `台账中没有${inputs.year}年的培训记录；全市现有法制审核人员{legalReviewers}名。`,
      inputs,
    ),
  ];
}

function formatValue(segment: Extract<ReportSegment, { figure: ReportFigure }>): string {
  return Number.isInteger(segment.value) ? String(segment.value) : segment.value.toFixed(1);
}

/** The paragraphs as plain text, one per line, as they go into the report. */
export function reportText(paragraphs: readonly ReportParagraph[]): string {
  return paragraphs.map((p) => p.heading + p.segments.map((s) => ('text' in s ? s.text : formatValue(s))).join('')).join('\n');
}

export function segmentText(segment: ReportSegment): string {
  return 'text' in segment ? segment.text : formatValue(segment);
}
