import { Tag, Tooltip } from 'antd';
import type { CertStatus } from '../../../shared/domain/certificate-status.ts';

const COLORS: Record<CertStatus, string> = {
  有效: 'green',
  即将到期: 'orange',
  已过期: 'red',
  暂扣: 'magenta',
  吊销: 'volcano',
  已注销: 'default',
  待考试: 'blue',
  待发证: 'geekblue',
  无证: 'default',
};

/** A certificate status as the clerk sees it everywhere (roster, person page, dialogs). */
export function StatusTag({ status, days }: { status: CertStatus; days?: number | null }) {
  const tag = (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {status}
    </Tag>
  );
  if (days === null || days === undefined || (status !== '即将到期' && status !== '已过期')) return tag;
  return <Tooltip title={days >= 0 ? `还有 ${days} 天到期` : `已过期 ${-days} 天`}>{tag}</Tooltip>;
}
