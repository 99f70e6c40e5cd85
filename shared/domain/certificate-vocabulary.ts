/** 证件类型. Code seen in national forms: 行政执法证 = 1, 行政执法监督证 = 2. */
export const CERT_TYPES = ['行政执法证', '行政执法监督证'] as const;
export type CertType = (typeof CERT_TYPES)[number];

/**
 * The stored state of one certificate record. The status the clerk sees (有效 / 即将到期 / 已过期 …)
 * is derived from this state plus the dates, by the rule in certificate-status.ts.
 * 已换发: the card was replaced by a renewed one (its successor row points back via replaces_id).
 */
export const CERT_STATES = ['待考试', '考试合格', '有效', '暂扣', '吊销', '已注销', '已换发'] as const;
export type CertState = (typeof CERT_STATES)[number];

/** States in which a person still "holds" the certificate slot of that type (at most one per type). */
export const OPEN_CERT_STATES = ['待考试', '考试合格', '有效', '暂扣'] as const satisfies readonly CertState[];

export const CANCEL_REASONS = ['调离执法岗位', '退休', '辞职', '死亡', '辞退或开除', '其他'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const CERT_EVENT_TYPES = ['申领', '考试合格', '发证', '换证', '暂扣', '解除暂扣', '吊销', '注销', '补发', '信息更正'] as const;
export type CertEventType = (typeof CERT_EVENT_TYPES)[number];

export const EXAM_TYPES = ['通用法律知识', '专门法律知识'] as const;
export type ExamType = (typeof EXAM_TYPES)[number];
