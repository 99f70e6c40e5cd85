import type { ReactNode } from 'react';
import { AuditCard, VerificationCard } from './AuditExportCards.tsx';
import { CancellationCard, PublicationNoticeCard, PublicListCard, RenewalCard, RenewalNoticeCard, TrainingYearCard } from './RosterExportCards.tsx';

/**
 * The cards of the 导出与打印 page, in order. A feature adds its printable or exportable documents
 * by adding entries here (each card is self-contained: its options, preview and export buttons).
 */
export interface ExportSection {
  key: string;
  /** Groups cards under a heading: 执法人员, 检查事项与清单 … */
  group: string;
  title: string;
  description: string;
  render: () => ReactNode;
}

export const EXPORT_SECTIONS: ExportSection[] = [
  {
    key: 'renewal',
    group: '执法人员',
    title: '换证人员名册',
    description: '证件即将到期（或已过期）需要换证的人员，按单位排列，附经办人、审核人签章栏。先预览核对名单，再打印或另存为 PDF。',
    render: () => <RenewalCard />,
  },
  {
    key: 'cancellation',
    group: '执法人员',
    title: '注销公示名单',
    description: '已注销行政执法证件的人员（默认为尚未公示的，即下一期公示名单）。公示后在预览页“登记公示日期”，这些人员便不再出现在下一期名单中。',
    render: () => <CancellationCard />,
  },
  {
    key: 'public-list',
    group: '执法人员',
    title: '行政执法人员公示名单',
    description: '持有效证件的执法人员：姓名、所属机构、职务、执法证件号码、执法范围，供执法公示使用。不含身份证号。',
    render: () => <PublicListCard />,
  },
  {
    key: 'training-short',
    group: '执法人员',
    title: '培训学时不足名单',
    description: '本年度培训学时未达到要求（设置 › 业务规则 中的年度学时）的在岗执法人员，供督促参训。',
    render: () => <TrainingYearCard kind="training-short" />,
  },
  {
    key: 'renewal-notice',
    group: '通知与督办',
    title: '换证通知',
    description: '给每个单位一份通知：写明需换证的人员、须携带的材料和办理期限，后附名单。每个单位另起一页，页码按单位编排。也可在“执法人员”名册中按筛选或勾选的人员打印。',
    render: () => <RenewalNoticeCard />,
  },
  {
    key: 'training-notice',
    group: '通知与督办',
    title: '参训督促通知',
    description: '给每个单位一份通知：本年度培训学时不足的人员、已完成学时和尚差学时，督促在年底前补足。',
    render: () => <TrainingYearCard kind="training-notice" />,
  },
  {
    key: 'publication-notice',
    group: '通知与督办',
    title: '督办通知（一目录四清单）',
    description: '给尚未公布一目录四清单、或公布文件已失效的执法单位的督办通知，逐项列出目录、四项清单和公布文件的缺项。',
    render: () => <PublicationNoticeCard />,
  },
  {
    key: 'audit',
    group: '审核与核对',
    title: '审核表',
    description: '报领导审核和上报市局用的工作簿：汇总、人员明细、换证名册、注销公示、检查事项统计、四项清单统计、发布情况、数据问题，每张表可直接打印签字。合计与报告数字并列，差额标红。',
    render: () => <AuditCard />,
  },
  {
    key: 'verification',
    group: '审核与核对',
    title: '各单位核对表',
    description: '每个执法单位一个文件：本单位的人员、检查事项目录和四项清单，格式与导入模板相同，发给各单位核对修改后报回，可直接导入。含完整身份证号，生成时记入操作记录。',
    render: () => <VerificationCard />,
  },
];
