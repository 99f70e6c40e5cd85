import fs from 'node:fs';
import path from 'node:path';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Reads `NNNN_name.sql` files. Versions must run 1, 2, 3 … without gaps or repeats: a gap means a
 * file went missing from the package, and applying later ones would corrupt the schema.
 */
export function loadMigrations(dir: string): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations: Migration[] = [];
  for (const file of files) {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
    migrations.push({ version: Number(m[1]), name: m[2] ?? '', sql: fs.readFileSync(path.join(dir, file), 'utf8') });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((mig, i) => {
    if (mig.version !== i + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${String(mig.version).padStart(4, '0')} at position ${i + 1}`);
    }
  });
  return migrations;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}
