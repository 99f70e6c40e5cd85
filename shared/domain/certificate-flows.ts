/**
 * What happened to certificates in a year (the annual report's flow figures): cards issued (发证 —
 * a first card, a renewal or a replacement, as the report counts 共发证N人), cards renewed (换证)
 * and cards cancelled (注销). Counted as people, once each. The SQL lives in
 * electron/backend/personnel/cert-flow-sql.ts and serves both the report and the roster's filter,
 * so a figure and the list behind it always agree.
 */
export const CERT_FLOWS = ['issued', 'renewed', 'cancelled'] as const;
export type CertFlow = (typeof CERT_FLOWS)[number];

export const CERT_FLOW_LABELS: Readonly<Record<CertFlow, string>> = {
  issued: '发证',
  renewed: '换证',
  cancelled: '注销',
};
