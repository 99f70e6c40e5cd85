import { Tag, Tooltip } from 'antd';
import type { PublicationState } from '../../../shared/api/methods/catalog.ts';
import type { PublicationStatus } from '../../../shared/domain/publication-status.ts';

export const STATUS_COLORS: Readonly<Record<PublicationStatus, string>> = {
  已发布: '#52c41a',
  未发布: '#bfbfbf',
  已失效: '#ff4d4f',
};

const TAG_COLORS: Readonly<Record<PublicationStatus, string>> = { 已发布: 'green', 未发布: 'default', 已失效: 'red' };

/** 已发布 / 未发布 / 已失效, with 即将到期 when the document ends within the warning period. */
export function PublicationTag({ publication }: { publication: PublicationState }) {
  const latest = publication.latest;
  const tip = latest ? `${latest.docNumber}，${latest.publishDate} 发布${latest.validTo ? `，有效期至 ${latest.validTo}` : ''}${latest.revoked ? '，已废止' : ''}` : '尚未登记发布文件';
  return (
    <Tooltip title={tip}>
      <span style={{ whiteSpace: 'nowrap' }}>
        <Tag color={TAG_COLORS[publication.status]} style={{ marginInlineEnd: 4 }}>
          {publication.status}
        </Tag>
        {publication.expiringSoon ? <Tag color="orange">{publication.daysLeft !== null ? `${publication.daysLeft} 天后到期` : '即将到期'}</Tag> : null}
      </span>
    </Tooltip>
  );
}
