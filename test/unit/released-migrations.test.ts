import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../helpers/paths.ts';

/**
 * A released migration has already run on clerks' databases: editing it changes nothing there and
 * makes new databases differ from upgraded ones. Each released file is pinned here by the SHA-256
 * of its text with line endings normalised (a Windows checkout has CRLF).
 *
 * Adding a migration: add its file name and hash (printed by the failing test) to RELEASED.
 */
const RELEASED: Record<string, string> = {
  '0001_initial_schema.sql': 'dff68a09c492e1f734cf8e61d19264c42f564779f607416f5c200bb62dd0a9aa',
  '0002_catalog_search.sql': '39185906f8521629323614bf8736bf5131b99337fb46d4a3eed7d623e69af6d8',
  '0003_personnel_roster_index.sql': '561638f6308ec2f6c98c224921883aff5d5faf6adcf45ec003f0011ef16bc7e5',
  '0004_import_undo_index.sql': '708b63682d3784e9eec3bd9a5d698d2a454971a1fd7e81987ebd6066a4777798',
  '0005_unconfirmed_staffing_and_unit_imports.sql': '5cd6f74fdf2f206011b2d98c328bf9c2a04d6f9618b32927abb2e704d1dfbee7',
  '0006_operators.sql': '2cbf919c6450ed658cbda2413191cafc4152d6ba81466219e7aef9722038b0a8',
  '0007_full_pinyin.sql': '94e80d716fe2135a3bf273691ceb5fc5ae439929d7d8f37280058f717cd11031',
  '0008_card_number_search_index.sql': '8e1b4df0e9e8df93b1b6f323470a0a7c3611c1fdd12d9997651c6a28f6f8be98',
};

const THIS_FILE = 'test/unit/released-migrations.test.ts';

function migrationHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** What is wrong with the migrations folder, as instructions to the developer. */
function migrationProblems(files: Record<string, string>, released: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const hash = migrationHash(text);
    const pinned = released[file];
    if (pinned === undefined) {
      problems.push(`migrations/${file} is new: add it to RELEASED in ${THIS_FILE}:\n  '${file}': '${hash}',`);
    } else if (pinned !== hash) {
      problems.push(
        `migrations/${file} has changed, but it is released and must never be edited: restore it (git checkout -- migrations/${file}) ` +
          `and make the change in a new migration. (Only if it has never left your branch may you update its hash in ${THIS_FILE} to '${hash}'.)`,
      );
    }
  }
  for (const file of Object.keys(released)) {
    if (!(file in files)) problems.push(`migrations/${file} is released but missing: released migrations must never be removed or renamed.`);
  }
  return problems;
}

describe('released migrations', () => {
  const files = Object.fromEntries(
    fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8')]),
  );

  it('are unchanged, and every migration is listed', () => {
    const problems = migrationProblems(files, RELEASED);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('hash the text the same with LF and CRLF line endings', () => {
    expect(migrationHash('CREATE TABLE a (x);\r\nCREATE TABLE b (y);\r\n')).toBe(migrationHash('CREATE TABLE a (x);\nCREATE TABLE b (y);\n'));
  });

  it('report a new, an edited and a missing migration (the check itself can fail)', () => {
    const released = { '0001_a.sql': migrationHash('A;\n'), '0002_b.sql': migrationHash('B;\n'), '0003_c.sql': migrationHash('C;\n') };
    const problems = migrationProblems({ '0001_a.sql': 'A;\r\n', '0002_b.sql': 'B2;\n', '0004_d.sql': 'D;\n' }, released);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/0002_b\.sql has changed, but it is released and must never be edited/);
    expect(problems[1]).toMatch(/0004_d\.sql is new: add it to RELEASED/);
    expect(problems[1]).toContain(`'0004_d.sql': '${migrationHash('D;\n')}'`);
    expect(problems[2]).toMatch(/0003_c\.sql is released but missing/);
  });
});
