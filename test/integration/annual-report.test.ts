import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { AnnualReportResult } from '../../shared/api/methods/reports.ts';
import { REPORT_2023 } from '../../shared/domain/reported-figures.ts';
import { viewFromQuery } from '../../renderer/pages/personnel/roster-params.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

/**
 * The annual report's paragraphs on the sample data reproduce the figures of the bureau's 2023
 * report (seed-report-2023.txt, section 五), and every figure's link opens a list of that size.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let report: AnnualReportResult;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  report = await callOk<AnnualReportResult>(backend, 'report.annual', { year: 2023 });
});
afterAll(() => backend.close());

describe('the annual report paragraph', () => {
  it('reproduces the 2023 report’s figures in its own words', () => {
    const text = report.text;
    expect(text).toContain('对全市25个市直单位和12个乡镇（街道）的1032人、28名行政执法监督人员进行了换证统计和上报工作。2023年共发证428人');
    expect(text).toContain(
      '全市23个行政执法单位，分类检查事项1771项，其中一般检查事项1538项，重点检查事项233项；不予处罚事项清单220项，从轻处罚事项清单89项，减轻处罚事项清单96项，不予实施行政强制措施事项清单23项。',
    );
    expect(text).toMatch(/现(市[^、]+、){13}市[^、]+等14个单位已以部门规范性文件的形式向社会公开发布了“一目录四清单”。/);
    for (const name of REPORT_2023.publishedAgencies) expect(text).toContain(name);
    expect(text).toContain('全市现有法制审核人员62名');
    expect(text).toContain('截至2026年11月29日');
    expect(text.split('\n').map((p) => p.slice(0, 4))).toEqual(['（一）强', '（二）落', '（三）加']);
    expect(report.figures).toMatchObject({
      municipalUnits: 25,
      townships: 12,
      enforcement: 1032,
      supervision: 28,
      issued: 428,
      agencies: 23,
      items: 1771,
      general: 1538,
      key: 233,
      no_penalty: 220,
      lighter_penalty: 89,
      reduced_penalty: 96,
      no_coercion: 23,
      published: 14,
      legalReviewers: 62,
    });
  });

  it('marks every figure in the text with its value and its list, and the plain text is the segments joined', () => {
    const joined = report.paragraphs.map((p) => p.heading + p.segments.map((s) => ('text' in s ? s.text : String(s.value))).join('')).join('\n');
    expect(joined).toBe(report.text);
    const figures = report.paragraphs.flatMap((p) => p.segments.flatMap((s) => ('figure' in s ? [s] : [])));
    expect(figures.length).toBeGreaterThanOrEqual(18);
    for (const f of figures) {
      expect(f.value, f.figure).toBe(report.figures[f.figure]);
      expect(f.link, f.figure).toMatch(/^\/(personnel|catalog|lists|settings)/);
    }
  });

  it('links each people figure to a roster of exactly that many', async () => {
    const figures = report.paragraphs.flatMap((p) => p.segments.flatMap((s) => ('figure' in s && s.link.startsWith('/personnel?') ? [s] : [])));
    expect(figures.map((f) => f.figure).sort()).toEqual(['cancelled', 'enforcement', 'inForce', 'issued', 'legalReviewers', 'renewed', 'supervision'].sort());
    for (const f of figures) {
      const view = viewFromQuery(new URLSearchParams(f.link.split('?')[1]));
      const { total } = await callOk<{ total: number }>(backend, 'personnel.query', { filter: view.filter, firstRows: 0 });
      expect(total, f.figure).toBe(f.value);
    }
  });

  it('takes the flows of the chosen year and says so when it has no training records', async () => {
    const thisYear = await callOk<AnnualReportResult>(backend, 'report.annual', { year: 2026 });
    expect(thisYear.figures.issued).not.toBe(428);
    expect(thisYear.figures.trainingHours).toBeGreaterThan(0);
    expect(thisYear.text).toContain(`2026年全市行政执法人员参加培训共${thisYear.figures.trainingHours}学时`);
    expect(report.text).toContain('台账中没有2023年的培训记录');
    // Stock figures do not depend on the year.
    expect(thisYear.figures.items).toBe(1771);
  });
});
