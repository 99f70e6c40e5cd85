/**
 * Which of a person's certificate rows is "the" certificate of a type: an open one (待考试, 考试合格,
 * 有效, 暂扣: at most one exists, by the schema's partial unique index) if any, else the most recently
 * issued closed one, never a card that was replaced by its renewal (已换发).
 *
 * The program reads the pick from the cache table certificate_current (migration 0003, kept by
 * triggers): overview, roster, prints, the person page and the importer. This SQL is the rule
 * written out once more, as the reference the tests hold the cache to
 * (personnel-lifecycle.test.ts, personnel-status-sql.test.ts); no program code uses it.
 *
 * Returns a scalar subquery yielding the certificate id, for `personAlias.id` and a cert-type SQL
 * expression (e.g. `'行政执法证'` or a CASE on personnel_kind).
 */
export function currentCertificateIdSql(personAlias: string, certTypeExpr: string): string {
  return `(SELECT c_cur.id FROM certificates c_cur
            WHERE c_cur.person_id = ${personAlias}.id
              AND c_cur.cert_type = ${certTypeExpr}
              AND c_cur.state <> '已换发'
            ORDER BY CASE WHEN c_cur.state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END,
                     c_cur.issue_date DESC, c_cur.id DESC
            LIMIT 1)`;
}

/** The certificate type a person's role calls for, as SQL over a personnel alias (see certTypeFor in shared). */
export function roleCertTypeSql(personAlias: string): string {
  return `CASE ${personAlias}.personnel_kind WHEN '监督人员' THEN '行政执法监督证' ELSE '行政执法证' END`;
}
