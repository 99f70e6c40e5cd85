import { addDays, formatChineseDate } from './dates.ts';
import { countyNameOf, type RegistrySettings } from './settings.ts';

/**
 * The text of the letters the bureau sends (换证通知, 参训督促通知, 督办通知): one place, a pure
 * function of the registry's settings and today, so the printout, its preview and the workbook say
 * the same and a changed rule (the warning window, the required hours) changes every letter.
 */

export type NoticeSettings = Pick<RegistrySettings, 'bureauName' | 'countyName' | 'expiryWarningDays' | 'annualTrainingHours' | 'operatorName'>;

export interface NoticeContext {
  settings: NoticeSettings;
  /** The registry's today (the backend's clock). */
  today: string;
}

export interface NoticeLetter {
  addressee: string;
  paragraphs: string[];
}

/** Days a unit is given to act on a letter. */
export const NOTICE_REPLY_DAYS = 15;

export const NOTICE_TITLES = {
  renewal: '关于办理行政执法证件换证手续的通知',
  training: '关于督促行政执法人员完成年度培训学时的通知',
  publication: '关于公布分类检查事项目录和四项清单的督办通知',
} as const;

/** The date by which a unit is asked to act (today + NOTICE_REPLY_DAYS). */
export function noticeDeadline(today: string): string {
  return addDays(today, NOTICE_REPLY_DAYS);
}

/** The contact line under every letter: the bureau and its clerk. */
export function noticeContactLine(ctx: NoticeContext): string {
  const who = ctx.settings.operatorName.trim();
  return who ? `联系人：${who}（${ctx.settings.bureauName}）` : `联系单位：${ctx.settings.bureauName}`;
}

/** 换证通知: the unit's people whose certificates expire within the window (or already expired). */
export function renewalNotice(ctx: NoticeContext, unitName: string, people: number): NoticeLetter {
  const { settings, today } = ctx;
  const months = Math.max(1, Math.round(settings.expiryWarningDays / 30));
  return {
    addressee: `${unitName}：`,
    paragraphs: [
      `根据行政执法证件管理的有关规定，行政执法证件有效期届满前 ${months} 个月内应当办理换证手续。经核查，截至 ${formatChineseDate(today)}，贵单位下列 ${people} 名人员的行政执法证件即将到期或已经到期（名单附后），现将有关事项通知如下：`,
      `一、请通知上述人员于 ${formatChineseDate(noticeDeadline(today))}前，持本人居民身份证、原行政执法证件、近期免冠彩色证件照（2 寸）2 张和本年度培训学时证明，到${settings.bureauName}办理换证手续，并按安排参加换证考试。`,
      '二、证件已过期的人员，在取得新证件前不得从事行政执法活动；因调离执法岗位等原因不再换证的，请一并书面说明，以便办理注销。',
      `三、请贵单位指定专人负责，于上述期限内将办理情况报送${settings.bureauName}。`,
    ],
  };
}

/** 参训督促通知: the unit's people short of the year's required training hours. */
export function trainingNotice(ctx: NoticeContext, unitName: string, people: number, year: number): NoticeLetter {
  const { settings, today } = ctx;
  const current = year === Number(today.slice(0, 4));
  const asOf = current ? `截至 ${formatChineseDate(today)}` : `${year} 年度`;
  const by = current ? formatChineseDate(`${year}-12-31`) : formatChineseDate(noticeDeadline(today));
  return {
    addressee: `${unitName}：`,
    paragraphs: [
      `按照行政执法人员每人每年参加行政执法培训不少于 ${settings.annualTrainingHours} 学时的要求，经核查，${asOf}，贵单位下列 ${people} 名行政执法人员的${year}年度培训学时尚未达到要求（名单及尚差学时附后）。`,
      `请贵单位督促上述人员于 ${by}前参加培训、补足学时，并将培训证明材料（培训通知、签到表或结业证明）报送${settings.bureauName}登记。培训学时不足的，将影响其行政执法证件的换领和年度考核。`,
    ],
  };
}

/** 督办通知: an agency whose catalog and four lists are not (or no longer) published; `lapsed`: when its last document ended. */
export function publicationNotice(ctx: NoticeContext, unitName: string, status: '未发布' | '已失效', lapsed: string | null): NoticeLetter {
  const { settings, today } = ctx;
  const county = countyNameOf(settings);
  const finding =
    status === '未发布'
      ? '贵单位尚未以规范性文件公布分类检查事项目录和不予处罚、从轻处罚、减轻处罚、不予实施行政强制措施事项清单（一目录四清单）'
      : `贵单位公布一目录四清单的文件${lapsed ? `已于 ${formatChineseDate(lapsed)}` : '已'}失效，目前没有有效的公布文件`;
  return {
    addressee: `${unitName}：`,
    paragraphs: [
      `根据${county}推行行政执法“一目录四清单”制度的工作要求，各行政执法机关应当编制并公布分类检查事项目录和四项清单，并适时更新。经核查，截至 ${formatChineseDate(today)}，${finding}，具体情况见下表。`,
      `请贵单位于 ${formatChineseDate(noticeDeadline(today))}前完成编制（修订）和公布工作，并将公布文件及目录、清单电子表格报送${settings.bureauName}备案。逾期未完成的，将予以通报。`,
    ],
  };
}
