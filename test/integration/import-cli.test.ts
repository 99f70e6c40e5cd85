import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import type { CliFile, CliSheet } from '../../electron/backend/import/cli-report.ts';
import { PEOPLE } from '../fixtures/import/make-fixtures.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * `npm run cli -- import … --json` on the committed fixtures, against the sample registry: the
 * JSON is the oracle of what the importer concluded — which rows, which messages, which values.
 */

const TODAY = '2024-06-30';
process.env['REGISTRY_TODAY'] = TODAY;
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'import');
let dataDir: string;
/** One dry run over the whole fixtures folder (bad/ and submissions/ included), by relative path. */
let all: Map<string, CliFile>;
let allStatus: number;

beforeAll(async () => {
  dataDir = tempDir('registry-import-cli-');
  const backend = await createBackend({ dataDir, appRoot: REPO_ROOT, host: 'cli' });
  const result = await backend.call('system.generateSampleData', { seed: 2023 });
  backend.close();
  expect(result.ok).toBe(true);
  const run = cli([FIXTURES, '--dry-run']);
  allStatus = run.status;
  all = new Map(run.json.files.map((f) => [f.file, f]));
});

function cli(args: string[], dir = dataDir): { status: number; json: { files: CliFile[]; ignored?: string[] }; stderr: string } {
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts'), 'import', ...args, '--json', '--data-dir', dir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_TODAY: TODAY, REGISTRY_QUIET: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: child.status ?? -1, json: JSON.parse(child.stdout || '{"files":[]}') as { files: CliFile[] }, stderr: child.stderr };
}

const fixture = (name: string) => path.join(FIXTURES, name);
const issueTuples = (sheet: CliSheet) => sheet.issues.map((i) => [i.row, i.column, i.severity, i.code]);
const statuses = (sheet: CliSheet) => sheet.rows.map((r) => [r.row, r.status]);

function onlySheet(file: CliFile | undefined, name?: string): CliSheet {
  const sheet = name ? file?.sheets?.find((s) => s.sheet === name) : file?.sheets?.[0];
  if (!sheet) throw new Error(`no sheet ${name ?? ''} in ${JSON.stringify(file).slice(0, 300)}`);
  return sheet;
}

describe('exit codes', () => {
  it('is 2 when any file of a folder could not be read, and lists every file and the ignored non-spreadsheets', () => {
    expect(allStatus).toBe(2);
    expect(all.size).toBe(23);
  });

  it('is 0 for a clean file, 1 for a file with errors, 2 for an unreadable file', () => {
    expect(cli([fixture('气象局名册-GBK.csv'), '--dry-run']).status).toBe(0);
    expect(cli([fixture('bad/只有表头.xlsx'), '--dry-run']).status).toBe(1);
    expect(cli([fixture('bad/PDF改名.xlsx'), '--dry-run']).status).toBe(2);
  });
});

describe('import --json on a messy roster (title, fill-in row, two-row merged header, total and signature rows, hidden and instruction sheets)', () => {
  let file: CliFile | undefined;
  beforeAll(() => {
    file = all.get('公安局-执法人员花名册.xlsx');
  });

  it('reads the table under the merged header', () => {
    expect(file?.file).toBe('公安局-执法人员花名册.xlsx');
    expect(file?.status).toBe('errors');
    const sheet = onlySheet(file, '花名册');
    expect(sheet.kind).toBe('personnel');
    expect(sheet.agency).toEqual({ unitId: expect.any(Number), name: '沅江市公安局', source: 'fill_in' });
    expect(sheet.headerRows).toEqual([3, 4]);
    expect(sheet.mapping).toEqual({
      name: 'B',
      sex: 'C',
      id_number: 'D',
      staffing_type: 'E',
      post: 'F',
      enforcement_category: 'G',
      cert_number: 'H',
      issue_date: 'I',
      expiry_date: 'J',
      phone: 'K',
      notes: 'L',
    });
    expect(sheet.counts).toEqual({ read: 11, importable: 4, errors: 7, warnings: 1, skipped: 4 });
    expect(sheet.skippedRows).toEqual([
      { row: 1, reason: '标题行' },
      { row: 2, reason: '填报信息行' },
      { row: 16, reason: '合计行' },
      { row: 18, reason: '签名行' },
    ]);
  });

  it('skips the instruction sheet and the hidden sheet and says so', () => {
    const instructions = onlySheet(file, '填表说明');
    const hidden = onlySheet(file, '旧名册');
    expect([instructions.kind, instructions.reason, hidden.kind, hidden.reason]).toEqual(['skipped', '填表说明', 'skipped', '隐藏的工作表']);
    expect(hidden.issues.map((i) => i.message)).toEqual(['文件“公安局-执法人员花名册.xlsx”工作表“旧名册”：已跳过：隐藏的工作表']);
  });

  it('gives each row its status and each problem its row, column, severity and code', () => {
    const sheet = onlySheet(file, '花名册');
    expect(statuses(sheet)).toEqual([
      [5, 'add'],
      [6, 'add'],
      [7, 'error'],
      [8, 'add'],
      [9, 'error'],
      [10, 'error'],
      [11, 'error'],
      [12, 'error'],
      [13, 'add'],
      [14, 'error'],
      [15, 'error'],
    ]);
    expect(issueTuples(sheet)).toEqual([
      [7, 'D', 'error', 'ID_STORED_AS_NUMBER'],
      [8, 'C', 'warning', 'SEX_CONTRADICTS_ID'],
      [9, 'D', 'error', 'ID_INVALID'],
      [10, 'J', 'error', 'CERT_EXPIRY_BEFORE_ISSUE'],
      [11, 'E', 'error', 'CERT_NOT_ALLOWED'],
      [12, 'I', 'error', 'DATE_AMBIGUOUS'],
      [14, 'D', 'error', 'DUPLICATE_IN_FILE'],
      [15, 'D', 'error', 'DUPLICATE_IN_FILE'],
    ]);
  });

  it('writes the messages in Chinese with file, sheet, row and column', () => {
    const messages = onlySheet(file, '花名册').issues.map((i) => i.message);
    expect(messages).toContain('文件“公安局-执法人员花名册.xlsx”工作表“花名册”第 7 行 D 列（身份证号码）：身份证号以数字格式保存，后几位已丢失，请以文本格式重新填报');
    expect(messages).toContain('文件“公安局-执法人员花名册.xlsx”工作表“花名册”第 8 行 C 列（性别）：性别填写为“女”，但身份证号显示为“男”，已按身份证号登记为“男”，请核实');
    expect(messages).toContain('文件“公安局-执法人员花名册.xlsx”工作表“花名册”第 10 行 J 列（执法证件信息/有效期限）：有效期至 2021-06-01 早于或等于发证日期 2022-06-01');
    expect(messages).toContain('文件“公安局-执法人员花名册.xlsx”工作表“花名册”第 12 行 I 列（执法证件信息/发证时间）：“21.3.15”的年份只有两位，请填写四位年份');
    expect(messages).toContain('文件“公安局-执法人员花名册.xlsx”工作表“花名册”第 14 行 D 列（身份证号码）：身份证号“43010219930606092X”与第 15 行重复，无法确定以哪一行为准');
    expect(messages.find((m) => m.includes('第 9 行'))).toMatch(/身份证号校验位错误（最后一位应为 \d，实际为 0）/);
  });

  it('cleans cells: spaces inside names, a lower-case x, full-width digits, every date format', () => {
    const rows = onlySheet(file, '花名册').rows;
    expect(rows.find((r) => r.row === 5)?.values).toEqual({
      name: '张伟',
      id_number: PEOPLE.zhangWei,
      sex: '男',
      birth_date: '1985-03-15',
      unit: '沅江市公安局',
      staffing_type: '行政编制',
      post: '治安大队民警',
      enforcement_category: '公安',
      notes: null,
      phone: '13907370001',
      cert_type: '行政执法证',
      cert_number: 'GA21-0001',
      issue_date: '2021-03-15',
      expiry_date: '2026-03-14',
    });
    expect(rows.find((r) => r.row === 6)?.values).toMatchObject({ name: '王伟', id_number: '43010219880702069X', phone: '13907370002', issue_date: '2021-03-15', expiry_date: '2026-03-14' });
    expect(rows.find((r) => r.row === 8)?.values).toMatchObject({ sex: '男', issue_date: '2021-03-15', expiry_date: '2026-03-14' });
    expect(rows.find((r) => r.row === 13)?.values).toMatchObject({ name: '吴刚', cert_number: null, issue_date: null, expiry_date: null });
    // The ID typed as a number is never "repaired".
    expect(rows.find((r) => r.row === 7)?.values['id_number']).toBeNull();
  });
});

describe('import --json on other formats', () => {
  it('reads an .xls with traditional-character headers and full-width digits, recognising the agency from the file name', () => {
    const sheet = onlySheet(all.get('市场监管局名册.xls'));
    expect(sheet.agency?.name).toBe('沅江市市场监督管理局');
    expect(sheet.agency?.source).toBe('file_name');
    expect(sheet.mapping).toEqual({ name: 'B', sex: 'C', id_number: 'D', staffing_type: 'E', post: 'F', cert_number: 'G', issue_date: 'H', expiry_date: 'I', phone: 'J' });
    expect(sheet.rows.find((r) => r.row === 3)?.values).toMatchObject({
      name: '林芳',
      id_number: PEOPLE.linFang,
      staffing_type: '参照公务员管理',
      cert_number: 'SC22-0202',
      issue_date: '2022-05-10',
      expiry_date: '2027-05-09',
    });
    expect(statuses(sheet)).toEqual([
      [2, 'add'],
      [3, 'add'],
      [4, 'add'],
    ]);
  });

  it('reads an .ods with enforcement and supervision staff and a validity range written in one cell', () => {
    const file = all.get('交通运输局名册.ods');
    expect(file?.status).toBe('ready');
    const sheet = onlySheet(file);
    expect(sheet.rows.map((r) => [r.values['personnel_kind'], r.values['cert_type'], r.values['issue_date'], r.values['expiry_date']])).toEqual([
      ['执法人员', '行政执法证', '2023-06-01', '2028-05-31'],
      ['监督人员', '行政执法监督证', '2023-06-01', '2028-05-31'],
    ]);
    expect(issueTuples(sheet)).toEqual([[3, 'J', 'note', 'DATE_RANGE_SPLIT']]);
  });

  it('reads date cells of a workbook in the 1904 date system', () => {
    const sheet = onlySheet(all.get('水利局名册-1904.xlsx'));
    expect(sheet.rows.map((r) => [r.values['issue_date'], r.values['expiry_date']])).toEqual([
      ['2021-03-15', '2026-03-14'],
      ['2022-11-20', '2027-11-19'],
    ]);
  });

  it('reads a WPS .et file (BIFF8 container) and derives a missing issue date by the 5-year rule, as a note', () => {
    const sheet = onlySheet(all.get('消防救援大队名册.et'));
    expect(sheet.agency?.name).toBe('沅江市消防救援大队');
    expect(sheet.rows.map((r) => [r.row, r.status, r.values['issue_date'] ?? null, r.values['expiry_date'] ?? null])).toEqual([
      [3, 'add', '2023-07-01', '2028-06-30'],
      [4, 'add', null, null],
    ]);
    expect(issueTuples(sheet)).toEqual([[3, 'F', 'note', 'CERT_ISSUE_DERIVED']]);
  });

  it.each([['林业局名册-UTF8.csv'], ['林业局名册-UTF8-BOM.csv']])('reads a UTF-8 CSV (%s)', (name) => {
    const sheet = onlySheet(all.get(name));
    expect(sheet.agency?.name).toBe('沅江市林业局');
    expect(sheet.rows.map((r) => [r.values['name'], r.values['id_number'], r.values['issue_date']])).toEqual([
      ['唐亮', PEOPLE.tangLiang, '2021-03-15'],
      ['韩雪', PEOPLE.hanXue, '2022-07-01'],
    ]);
  });

  it('detects a GBK CSV and reads its Chinese text and 18-digit IDs intact; forcing UTF-8 breaks it', () => {
    const sheet = onlySheet(all.get('气象局名册-GBK.csv'));
    expect(sheet.rows.map((r) => [r.values['name'], r.values['id_number'], r.values['expiry_date']])).toEqual([
      ['冯军', PEOPLE.fengJun, '2027-07-31'],
      ['邓丽', PEOPLE.dengLi, '2027-07-31'],
    ]);
    const forced = cli([fixture('气象局名册-GBK.csv'), '--dry-run', '--encoding', 'utf-8']);
    expect(forced.status).toBe(1);
    expect(forced.json.files[0]?.sheets?.[0]?.issues.map((i) => i.code)).toEqual(['HEADER_NOT_FOUND']);
  });
});

describe('import --json on a catalog and on the four lists', () => {
  it('normalises category spellings, refuses an unknown one, keeps the later of two rows of one item, and skips group headings and totals', () => {
    const file = all.get('农业农村局-分类检查事项目录.xlsx');
    expect(file?.status).toBe('errors');
    const sheet = onlySheet(file);
    expect(sheet.kind).toBe('inspection_items');
    expect(sheet.skippedRows).toEqual([
      { row: 1, reason: '标题行' },
      { row: 3, reason: '分组标题行' },
      { row: 10, reason: '合计行' },
    ]);
    expect(sheet.rows.map((r) => [r.row, r.status, r.values['category']])).toEqual([
      [4, 'add', '一般检查事项'],
      [5, 'add', '重点检查事项'],
      // Rows 6 and 9 are one item (same name, basis and target): the later one is imported.
      [6, 'duplicate', '一般检查事项'],
      [7, 'error', null],
      [8, 'error', '一般检查事项'],
      [9, 'add', '一般检查事项'],
    ]);
    expect(issueTuples(sheet)).toEqual([
      [6, 'C', 'warning', 'DUPLICATE_ENTRY'],
      [7, 'D', 'error', 'CATEGORY_INVALID'],
      [8, 'C', 'error', 'ITEM_NAME_MISSING'],
    ]);
    expect(sheet.issues[0]?.message).toBe(
      '文件“农业农村局-分类检查事项目录.xlsx”工作表“检查事项目录”第 6 行 C 列（检查事项名称）：与第 9 行是同一检查事项（事项编码，或事项名称、实施依据和检查对象都相同），以第 9 行为准，本行不导入',
    );
  });

  it('classifies each sheet of a four-list workbook by its title and skips the instruction sheet', () => {
    const file = all.get('应急管理局-四项清单.xlsx');
    expect(file?.status).toBe('ready');
    expect(file?.sheets?.map((s) => [s.sheet, s.kind, s.counts.importable])).toEqual([
      ['不予处罚', 'no_penalty', 2],
      ['从轻处罚', 'lighter_penalty', 1],
      ['减轻处罚', 'reduced_penalty', 1],
      ['不予强制', 'no_coercion', 1],
      ['填表说明', 'skipped', 0],
    ]);
    const noPenalty = onlySheet(file, '不予处罚');
    expect(noPenalty.mapping).toEqual({ violation: 'B', conditions: 'D', penalty_basis: 'E', notes: 'F' });
    expect(issueTuples(noPenalty)).toEqual([
      [null, 'B', 'note', 'COLUMN_STAND_IN'],
      [null, null, 'note', 'COLUMN_UNMAPPED'],
    ]);
    expect(onlySheet(file, '减轻处罚').rows[0]?.values).toEqual({
      violation: '烟花爆竹零售经营者超量储存',
      violation_basis: '《烟花爆竹安全管理条例》第三十六条',
      penalty_basis: '《行政处罚法》第三十二条',
      conditions: '配合查处违法行为有立功表现',
      discretion: '罚款1000元以下',
      notes: null,
    });
  });

  it('refuses to guess which list a sheet naming two lists is', () => {
    const sheet = onlySheet(all.get('司法局-从轻减轻处罚清单.xlsx'));
    expect(sheet.kind).toBe('skipped');
    expect(sheet.reason).toBe('无法确定是哪一项清单（标题同时提到“从轻处罚事项清单”和“减轻处罚事项清单”）');
    expect(issueTuples(sheet)).toEqual([[null, null, 'error', 'KIND_AMBIGUOUS']]);
  });
});

describe('import --json on files that cannot be imported', () => {
  it.each([
    ['加密的名册.xlsx', 'FILE_ENCRYPTED', '文件“加密的名册.xlsx”设置了打开密码，无法读取。'],
    ['PDF改名.xlsx', 'FILE_NOT_SPREADSHEET', '文件“PDF改名.xlsx”不是电子表格（这是一个 PDF 文件，只是扩展名改成了表格的扩展名）。'],
    ['拷贝中断.xlsx', 'FILE_TRUNCATED', '文件“拷贝中断.xlsx”不完整（文件末尾缺失）'],
    ['空工作簿.xlsx', 'FILE_NO_DATA', '文件“空工作簿.xlsx”中没有任何内容（所有工作表都是空的）。'],
    ['压缩炸弹.xlsx', 'FILE_ZIP_BOMB', '文件“压缩炸弹.xlsx”解压后声明的大小为 3719 MB（上限 500 MB）'],
  ])('%s → %s', (name, code, start) => {
    const file = all.get(`bad/${name}`);
    expect(file?.status).toBe('unreadable');
    expect(file?.error?.code).toBe(code);
    expect(file?.error?.message.startsWith(start)).toBe(true);
    expect(file?.sheets).toBeUndefined();
  });

  it('reports a sheet with a header but no rows as an error of that sheet', () => {
    const file = all.get('bad/只有表头.xlsx');
    expect(file?.status).toBe('errors');
    const sheet = onlySheet(file);
    expect([sheet.kind, sheet.counts.read]).toEqual(['personnel', 0]);
    expect(sheet.issues.map((i) => i.message)).toEqual(['文件“只有表头.xlsx”工作表“花名册”：只有表头，没有数据行。请让报送单位确认是否漏填。']);
  });

  it('ignores a sheet’s declared huge range (A1:XFD1048576), says so, and reads the real rows', () => {
    const file = all.get('bad/声明范围过大.xlsx');
    expect(file?.status).toBe('ready');
    const sheet = onlySheet(file);
    expect(sheet.issues[0]?.message).toBe('文件“声明范围过大.xlsx”工作表“花名册”：工作表声明的数据范围是 A1:XFD1048576（远大于实际内容），已忽略该声明，只读取有内容的 4 行。');
    expect(statuses(sheet)).toEqual([
      [3, 'add'],
      [4, 'add'],
    ]);
  });
});

describe('import of a folder', () => {
  it('checks every file, commits the clean ones, sets the others aside, and exits 2 for the unreadable one', () => {
    const dir = tempDir('registry-import-folder-');
    // A copy of the sample registry, so this test's commits stay its own.
    const backupTarget = path.join(dir, 'registry.sqlite3');
    const source = new Database(path.join(dataDir, 'registry.sqlite3'), { readonly: true });
    return source.backup(backupTarget).then(() => {
      source.close();
      const run = cli([path.join(FIXTURES, 'submissions')], dir);
      expect(run.status).toBe(2);
      expect(run.json.files.map((f) => [f.file, f.status, f.committed ? 'committed' : 'not committed'])).toEqual([
        ['公安局花名册.xlsx', 'errors', 'not committed'],
        ['气象局名册.csv', 'committed', 'committed'],
        ['市林业局名册.xlsx', 'unreadable', 'not committed'],
        ['应急管理局四项清单.xlsx', 'committed', 'committed'],
      ]);
      const db = new Database(backupTarget, { readonly: true });
      try {
        const names = db.prepare(`SELECT name FROM personnel WHERE id_number IN (?, ?, ?, ?)`).pluck().all(PEOPLE.fengJun, PEOPLE.dengLi, PEOPLE.xuMing, PEOPLE.weiDong);
        expect(names.sort()).toEqual(['冯军', '邓丽']);
        expect(db.prepare(`SELECT file_name, kind, rows_added FROM import_batches ORDER BY id`).all()).toEqual([
          { file_name: '气象局名册.csv', kind: 'personnel', rows_added: 2 },
          { file_name: '应急管理局四项清单.xlsx', kind: 'mixed', rows_added: 5 },
        ]);
      } finally {
        db.close();
      }
    });
  });
});
