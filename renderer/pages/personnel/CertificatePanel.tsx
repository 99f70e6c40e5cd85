import { Button, Card, Descriptions, Empty, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { CertificateRecord, CertificateSlot } from '../../../shared/api/methods/personnel.ts';
import { CERT_ACTIONS, type CertAction } from '../../../shared/domain/certificate-rules.ts';
import { StatusTag } from './status-tag.tsx';

const EVENT_COLORS: Record<string, string> = {
  申领: 'gray',
  考试合格: 'blue',
  发证: 'green',
  换证: 'green',
  补发: 'green',
  暂扣: 'red',
  解除暂扣: 'green',
  吊销: 'red',
  注销: 'gray',
  信息更正: 'blue',
};

/** Actions in the order a card lives through them; 考试合格 is done by recording an exam. */
const BUTTON_ACTIONS: readonly CertAction[] = CERT_ACTIONS.filter((a) => a !== '考试合格');

function detailsText(details: string | null): string | null {
  if (!details) return null;
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    const labels: Record<string, string> = { replacedByNumber: '新证号', replacesNumber: '原证号', validUntil: '有效期至' };
    return Object.entries(parsed)
      .map(([k, v]) => `${labels[k] ?? k}：${String(v)}`)
      .join('；');
  } catch {
    return null;
  }
}

function CardTimeline({ card }: { card: CertificateRecord }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Space size={8} style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong className="tabular">
          {card.certNumber ?? '（申领中，尚无证号）'}
        </Typography.Text>
        {card.state === '已换发' ? <Tag>已换发</Tag> : <StatusTag status={card.status} />}
        {card.issueDate ? (
          <Typography.Text type="secondary" className="tabular">
            {card.issueDate} 至 {card.expiryDate}
          </Typography.Text>
        ) : null}
        {card.cancelReason ? <Typography.Text type="secondary">注销原因：{card.cancelReason}</Typography.Text> : null}
        {card.announceDate ? <Typography.Text type="secondary">已于 {card.announceDate} 公示</Typography.Text> : null}
      </Space>
      <Timeline
        items={[...card.events].reverse().map((e) => ({
          color: EVENT_COLORS[e.eventType] ?? 'gray',
          children: (
            <div>
              <Typography.Text strong>{e.eventType}</Typography.Text>
              <Typography.Text className="tabular" style={{ marginLeft: 8 }}>
                {e.eventDate}
              </Typography.Text>
              {e.reason ? <span style={{ marginLeft: 8 }}>{e.reason}</span> : null}
              {e.docRef ? (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {e.docRef}
                </Typography.Text>
              ) : null}
              {detailsText(e.details) ? <div style={{ color: 'rgba(0,0,0,0.55)' }}>{detailsText(e.details)}</div> : null}
              <div style={{ color: 'rgba(0,0,0,0.35)', fontSize: 12 }}>经办人：{e.operator || '—'}</div>
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** One certificate type of a person: its current card, the next steps, and every card's history. */
export function CertificatePanel({
  slot,
  onAction,
  onWithdraw,
  onCorrect,
}: {
  slot: CertificateSlot;
  onAction: (action: CertAction) => void;
  onWithdraw: () => void;
  onCorrect: (card: CertificateRecord) => void;
}) {
  const current = slot.current;
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{slot.certType}</span>
          <StatusTag status={slot.status} />
        </Space>
      }
      data-testid={`cert-panel-${slot.certType}`}
      style={{ marginBottom: 16 }}
    >
      {current?.certNumber ? (
        <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="证件编号">
            <span className="tabular">{current.certNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label="发证日期">{current.issueDate}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{current.expiryDate}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag status={current.status} />
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Space wrap size={8} style={{ marginBottom: 16 }}>
        {BUTTON_ACTIONS.map((action) => {
          const check = slot.actions[action];
          const button = (
            <Button
              key={action}
              size="small"
              autoInsertSpace={false}
              danger={action === '吊销' || action === '注销'}
              disabled={!check.ok}
              onClick={() => onAction(action)}
              data-testid={`action-${action}`}
            >
              {action}
            </Button>
          );
          return check.ok ? (
            button
          ) : (
            <Tooltip key={action} title={check.message}>
              <span>{button}</span>
            </Tooltip>
          );
        })}
        {slot.canWithdraw ? (
          <Button size="small" onClick={onWithdraw}>
            撤回申领
          </Button>
        ) : null}
        {current?.issueDate ? (
          <Button size="small" type="link" onClick={() => onCorrect(current)}>
            更正证件信息
          </Button>
        ) : null}
      </Space>
      {slot.cards.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有证件记录" /> : slot.cards.map((card) => <CardTimeline key={card.id} card={card} />)}
    </Card>
  );
}
