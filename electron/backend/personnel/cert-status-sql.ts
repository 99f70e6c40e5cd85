import { STATUS_OF_STATE } from '../../../shared/domain/certificate-status.ts';

/**
 * The derived certificate status as a SQL expression, so the roster can filter and sort 100,000
 * people in SQLite. It is built from the shared rule's own pieces (the state → status table, and
 * the two threshold dates of certStatusThresholds bound as @expiredBefore and @expiringUntil);
 * test/integration/personnel-status-sql.test.ts checks it against deriveCertStatus on every
 * boundary day.
 *
 * `alias` is a certificate_current alias that may be NULL (LEFT JOIN).
 */
export function certStatusSql(alias: string): string {
  const fixed = Object.entries(STATUS_OF_STATE)
    .map(([state, status]) => `WHEN '${state}' THEN '${status}'`)
    .join(' ');
  return `(CASE WHEN ${alias}.certificate_id IS NULL THEN '无证'
              WHEN ${alias}.state = '有效' THEN
                CASE WHEN ${alias}.expiry_date IS NULL THEN '有效'
                     WHEN ${alias}.expiry_date < @expiredBefore THEN '已过期'
                     WHEN ${alias}.expiry_date <= @expiringUntil THEN '即将到期'
                     ELSE '有效' END
              ELSE (CASE ${alias}.state ${fixed} END) END)`;
}
