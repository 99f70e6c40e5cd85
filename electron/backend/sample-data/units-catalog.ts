import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';

/**
 * The 37 units of 沅江市 the bureau reports on (seed report, section 五: 25 市直单位 and 12 乡镇（街道）),
 * with the roster plan of each. The numbers are chosen so that the totals are exactly the report's
 * (1,032 enforcement staff, 28 supervision staff, 62 legal-review staff) and so that the ≥ 5 % rule
 * for legal-review staff fails, clearly, in exactly four units (公安局, 住建局, 商务局, 共华镇);
 * every other unit is strictly above 5 % whether the ratio is taken over its enforcement staff or
 * over all its personnel.
 */

/** Which post titles and staffing types a unit's people get (see people.ts). */
export type PostProfile = 'police' | 'fire' | 'brigade' | 'bureau' | 'town' | 'street';

/** Stable keys the other sample-data tables use to refer to a unit. */
// prettier-ignore
export type UnitKey =
  | 'fgj' | 'jy' | 'ga' | 'mz' | 'sf' | 'cz' | 'rs' | 'zr' | 'hb' | 'zj' | 'cg' | 'jt' | 'sl' | 'ny' | 'swj'
  | 'wl' | 'wj' | 'tyjr' | 'yj' | 'sc' | 'yb' | 'ly' | 'tax' | 'qx' | 'xf'
  | 'qh' | 'yzh' | 'qys' | 'cw' | 'ylz' | 'sjh' | 'ndt' | 'hmz' | 'xw' | 'cpz' | 'shs' | 'gh';

export interface SampleUnit {
  key: UnitKey;
  name: string;
  /** The short form agencies write in their own submissions (null for towns: the name is short). */
  shortName: string | null;
  /** Other names seen in submissions, including the short name and old names. */
  aliases: readonly string[];
  kind: UnitKind;
  /** One of the 23 enforcement agencies that keep a catalog and the four lists. */
  keepsLists: boolean;
  enforcementCategory: string;
  enforcementScope: string;
  postProfile: PostProfile;
  /** 执法人员, auxiliaries included. */
  enforcementStaff: number;
  supervisors: number;
  /** 聘用辅助人员 among enforcementStaff (they may not hold a certificate). */
  hiredAuxiliaries: number;
  /** 工勤 among enforcementStaff (likewise no certificate). */
  manualWorkers: number;
  legalReviewers: number;
  /** Share of men, by the sector's typical make-up. */
  maleShare: number;
}

type UnitPlan = Omit<SampleUnit, 'kind' | 'hiredAuxiliaries' | 'manualWorkers' | 'supervisors' | 'maleShare'> &
  Partial<Pick<SampleUnit, 'hiredAuxiliaries' | 'manualWorkers' | 'supervisors' | 'maleShare'>>;

function municipal(plan: UnitPlan): SampleUnit {
  return { kind: '市直单位', hiredAuxiliaries: 0, manualWorkers: 0, supervisors: 0, maleShare: 0.62, ...plan };
}

const TOWN_CATEGORY = '乡镇综合行政执法';
const TOWN_SCOPE = '依法赋予乡镇（街道）的行政执法事项';

function town(key: UnitKey, name: string, enforcementStaff: number, extra: Partial<Pick<SampleUnit, 'supervisors' | 'hiredAuxiliaries' | 'manualWorkers' | 'legalReviewers'>> = {}): SampleUnit {
  const isStreet = name.endsWith('街道');
  return {
    key,
    name,
    shortName: null,
    aliases: isStreet ? [`${name}办事处`, `沅江市${name}`] : [`${name}人民政府`, `沅江市${name}`],
    kind: '乡镇街道',
    keepsLists: false,
    enforcementCategory: TOWN_CATEGORY,
    enforcementScope: TOWN_SCOPE,
    postProfile: isStreet ? 'street' : 'town',
    enforcementStaff,
    supervisors: 0,
    hiredAuxiliaries: 0,
    manualWorkers: 0,
    legalReviewers: 1,
    maleShare: 0.66,
    ...extra,
  };
}

/** In the order of the county government's own listings (组成部门 first, then vertical agencies). */
// prettier-ignore
export const SAMPLE_UNITS: readonly SampleUnit[] = [
  municipal({ key: 'fgj', name: '沅江市发展和改革局', shortName: '市发改局', aliases: ['市发改局', '发改局', '市发展改革局'], keepsLists: false, enforcementCategory: '发展改革', enforcementScope: '节能监察、招标投标、价格认证监督', postProfile: 'bureau', enforcementStaff: 6, legalReviewers: 1 }),
  municipal({ key: 'jy', name: '沅江市教育局', shortName: '市教育局', aliases: ['市教育局', '教育局'], keepsLists: true, enforcementCategory: '教育', enforcementScope: '民办教育、校外培训、学校办学行为监管', postProfile: 'bureau', enforcementStaff: 10, legalReviewers: 1, maleShare: 0.5 }),
  municipal({ key: 'ga', name: '沅江市公安局', shortName: '市公安局', aliases: ['市公安局', '公安局', '沅江公安'], keepsLists: true, enforcementCategory: '公安', enforcementScope: '治安管理、道路交通安全管理、出入境管理、危险物品管理', postProfile: 'police', enforcementStaff: 179, supervisors: 1, hiredAuxiliaries: 1, legalReviewers: 7, maleShare: 0.82 }),
  municipal({ key: 'mz', name: '沅江市民政局', shortName: '市民政局', aliases: ['市民政局', '民政局'], keepsLists: true, enforcementCategory: '民政', enforcementScope: '社会组织、养老机构、殡葬、地名管理监督', postProfile: 'bureau', enforcementStaff: 8, legalReviewers: 1, maleShare: 0.5 }),
  municipal({ key: 'sf', name: '沅江市司法局', shortName: '市司法局', aliases: ['市司法局', '司法局'], keepsLists: true, enforcementCategory: '司法行政', enforcementScope: '律师、公证、基层法律服务、司法鉴定、法律援助监督管理', postProfile: 'bureau', enforcementStaff: 14, supervisors: 20, legalReviewers: 4, maleShare: 0.55 }),
  municipal({ key: 'cz', name: '沅江市财政局', shortName: '市财政局', aliases: ['市财政局', '财政局'], keepsLists: true, enforcementCategory: '财政', enforcementScope: '会计监督、政府采购监督、财政票据管理', postProfile: 'bureau', enforcementStaff: 10, legalReviewers: 1, maleShare: 0.45 }),
  municipal({ key: 'rs', name: '沅江市人力资源和社会保障局', shortName: '市人社局', aliases: ['市人社局', '人社局', '市人力资源社会保障局'], keepsLists: true, enforcementCategory: '人力资源社会保障', enforcementScope: '劳动保障监察、人力资源市场监管', postProfile: 'brigade', enforcementStaff: 12, legalReviewers: 1, maleShare: 0.55 }),
  municipal({ key: 'zr', name: '沅江市自然资源局', shortName: '市自然资源局', aliases: ['市自然资源局', '自然资源局', '沅江市国土资源局'], keepsLists: true, enforcementCategory: '自然资源', enforcementScope: '土地、矿产、测绘地理信息、国土空间规划执法', postProfile: 'brigade', enforcementStaff: 39, legalReviewers: 2, maleShare: 0.7 }),
  municipal({ key: 'hb', name: '益阳市生态环境局沅江分局', shortName: '沅江生态环境分局', aliases: ['沅江生态环境分局', '市生态环境局', '沅江市环境保护局'], keepsLists: true, enforcementCategory: '生态环境', enforcementScope: '水、大气、固体废物、噪声、辐射污染防治监管', postProfile: 'brigade', enforcementStaff: 26, legalReviewers: 2, maleShare: 0.68 }),
  municipal({ key: 'zj', name: '沅江市住房和城乡建设局', shortName: '市住建局', aliases: ['市住建局', '住建局', '市住房城乡建设局'], keepsLists: true, enforcementCategory: '住房城乡建设', enforcementScope: '建筑市场、工程质量安全、房地产市场、物业管理监管', postProfile: 'brigade', enforcementStaff: 30, legalReviewers: 1, maleShare: 0.72 }),
  municipal({ key: 'cg', name: '沅江市城市管理和综合执法局', shortName: '市城管局', aliases: ['市城管局', '城管局', '市城管执法局'], keepsLists: true, enforcementCategory: '城市管理综合执法', enforcementScope: '市容环境卫生、市政公用、园林绿化、城乡规划、燃气管理综合执法', postProfile: 'brigade', enforcementStaff: 78, supervisors: 1, hiredAuxiliaries: 2, legalReviewers: 4, maleShare: 0.76 }),
  municipal({ key: 'jt', name: '沅江市交通运输局', shortName: '市交通运输局', aliases: ['市交通运输局', '交通运输局', '市交通局'], keepsLists: true, enforcementCategory: '交通运输', enforcementScope: '道路运输、水路运输、公路路政、港航管理', postProfile: 'brigade', enforcementStaff: 58, supervisors: 1, hiredAuxiliaries: 1, legalReviewers: 3, maleShare: 0.78 }),
  municipal({ key: 'sl', name: '沅江市水利局', shortName: '市水利局', aliases: ['市水利局', '水利局'], keepsLists: true, enforcementCategory: '水利', enforcementScope: '水资源、河道采砂、水土保持、水利工程管理', postProfile: 'brigade', enforcementStaff: 28, manualWorkers: 1, legalReviewers: 2, maleShare: 0.74 }),
  municipal({ key: 'ny', name: '沅江市农业农村局', shortName: '市农业农村局', aliases: ['市农业农村局', '农业农村局', '市农业局'], keepsLists: true, enforcementCategory: '农业', enforcementScope: '农资、动物防疫、畜禽屠宰、渔政、农产品质量安全、农机监管', postProfile: 'brigade', enforcementStaff: 59, manualWorkers: 1, legalReviewers: 3, maleShare: 0.7 }),
  municipal({ key: 'swj', name: '沅江市商务局', shortName: '市商务局', aliases: ['市商务局', '商务局'], keepsLists: true, enforcementCategory: '商务', enforcementScope: '商贸流通、单用途预付卡、再生资源回收、报废机动车回收监管', postProfile: 'bureau', enforcementStaff: 8, legalReviewers: 0, maleShare: 0.55 }),
  municipal({ key: 'wl', name: '沅江市文化旅游广电体育局', shortName: '市文旅广体局', aliases: ['市文旅广体局', '文旅广体局', '市文化旅游广电体育局'], keepsLists: true, enforcementCategory: '文化旅游', enforcementScope: '文化市场、旅游市场、广播电视、文物、体育经营活动监管', postProfile: 'brigade', enforcementStaff: 19, legalReviewers: 1, maleShare: 0.6 }),
  municipal({ key: 'wj', name: '沅江市卫生健康局', shortName: '市卫健局', aliases: ['市卫健局', '卫健局', '市卫生健康局'], keepsLists: true, enforcementCategory: '卫生健康', enforcementScope: '医疗卫生、公共卫生、职业卫生、计划生育监督', postProfile: 'brigade', enforcementStaff: 38, legalReviewers: 2, maleShare: 0.48 }),
  municipal({ key: 'tyjr', name: '沅江市退役军人事务局', shortName: '市退役军人事务局', aliases: ['市退役军人事务局', '退役军人事务局'], keepsLists: false, enforcementCategory: '退役军人事务', enforcementScope: '褒扬纪念设施保护、优抚政策落实监督', postProfile: 'bureau', enforcementStaff: 4, legalReviewers: 1, maleShare: 0.75 }),
  municipal({ key: 'yj', name: '沅江市应急管理局', shortName: '市应急管理局', aliases: ['市应急管理局', '应急管理局', '市应急局'], keepsLists: true, enforcementCategory: '应急管理', enforcementScope: '安全生产、危险化学品、烟花爆竹、工贸行业安全监管', postProfile: 'brigade', enforcementStaff: 22, legalReviewers: 2, maleShare: 0.73 }),
  municipal({ key: 'sc', name: '沅江市市场监督管理局', shortName: '市市场监管局', aliases: ['市市场监管局', '市场监管局', '市市场监督管理局'], keepsLists: true, enforcementCategory: '市场监管', enforcementScope: '市场主体登记、食品药品、特种设备、产品质量、计量、价格、广告监管', postProfile: 'brigade', enforcementStaff: 98, supervisors: 1, legalReviewers: 5, maleShare: 0.6 }),
  municipal({ key: 'yb', name: '沅江市医疗保障局', shortName: '市医疗保障局', aliases: ['市医疗保障局', '医保局', '市医保局'], keepsLists: true, enforcementCategory: '医疗保障', enforcementScope: '医疗保障基金使用监督管理', postProfile: 'bureau', enforcementStaff: 12, legalReviewers: 1, maleShare: 0.5 }),
  municipal({ key: 'ly', name: '沅江市林业局', shortName: '市林业局', aliases: ['市林业局', '林业局'], keepsLists: true, enforcementCategory: '林业', enforcementScope: '森林资源、野生动植物、湿地、林木种苗、森林防火监管', postProfile: 'brigade', enforcementStaff: 24, manualWorkers: 1, legalReviewers: 2, maleShare: 0.78 }),
  municipal({ key: 'tax', name: '国家税务总局沅江市税务局', shortName: '市税务局', aliases: ['市税务局', '税务局', '沅江市税务局'], keepsLists: true, enforcementCategory: '税务', enforcementScope: '税收征收管理、发票管理、税务稽查', postProfile: 'bureau', enforcementStaff: 39, legalReviewers: 2, maleShare: 0.52 }),
  municipal({ key: 'qx', name: '沅江市气象局', shortName: '市气象局', aliases: ['市气象局', '气象局'], keepsLists: true, enforcementCategory: '气象', enforcementScope: '防雷减灾、升放气球、气象探测环境保护', postProfile: 'bureau', enforcementStaff: 5, legalReviewers: 1, maleShare: 0.6 }),
  municipal({ key: 'xf', name: '沅江市消防救援大队', shortName: '市消防救援大队', aliases: ['市消防救援大队', '消防救援大队', '沅江消防'], keepsLists: true, enforcementCategory: '消防救援', enforcementScope: '消防监督检查、火灾隐患查处', postProfile: 'fire', enforcementStaff: 18, legalReviewers: 1, maleShare: 0.9 }),

  town('qh', '琼湖街道', 18, { supervisors: 1, hiredAuxiliaries: 1 }),
  town('yzh', '胭脂湖街道', 17, { supervisors: 1 }),
  town('qys', '庆云山街道', 15),
  town('cw', '草尾镇', 18, { supervisors: 1, hiredAuxiliaries: 1 }),
  town('ylz', '阳罗洲镇', 14),
  town('sjh', '四季红镇', 13),
  town('ndt', '南大膳镇', 18, { supervisors: 1, manualWorkers: 1 }),
  town('hmz', '黄茅洲镇', 16),
  town('xw', '新湾镇', 14),
  town('cpz', '茶盘洲镇', 17),
  town('shs', '泗湖山镇', 15),
  town('gh', '共华镇', 13, { legalReviewers: 0 }),
];

/** The report's figures; the generator checks the tables above against them before writing. */
export const EXPECTED_TOTALS = {
  municipalUnits: 25,
  townUnits: 12,
  agencies: 23,
  enforcementStaff: 1032,
  supervisors: 28,
  legalReviewers: 62,
} as const;

export function unitByKey(key: UnitKey): SampleUnit {
  const unit = SAMPLE_UNITS.find((u) => u.key === key);
  if (!unit) throw new Error(`Unknown sample unit ${key}`);
  return unit;
}
