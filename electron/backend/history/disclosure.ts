import type { Db } from '../db/open-database.ts';
import type { Log } from '../log.ts';
import { insertAccess } from '../access/access-log.ts';

/** Records that full ID numbers of `people` persons were handed out (an export), in the access log. */
export function recordFullIdDisclosure(db: Db, log: Log, what: string, people: number, operator: string): void {
  const summary = `${what}，含 ${people} 人的完整身份证号`;
  insertAccess(db, operator, { kind: 'export_full_ids', summary });
  log.write('info', `access export_full_ids by "${operator}": ${summary}`);
}
