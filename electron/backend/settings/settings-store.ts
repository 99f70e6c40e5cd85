import { registrySettingsSchema, type RegistrySettings } from '../../../shared/domain/settings.ts';
import type { Db } from '../db/open-database.ts';

/** Settings live in the `settings` table, one JSON value per key; unknown or invalid values fall back to defaults. */
export function readSettings(db: Db): RegistrySettings {
  const rows = db.prepare(`SELECT key, value FROM settings`).all() as { key: string; value: string }[];
  const raw: Record<string, unknown> = {};
  for (const row of rows) raw[row.key] = JSON.parse(row.value) as unknown;
  const known = Object.keys(registrySettingsSchema.shape);
  const picked = Object.fromEntries(Object.entries(raw).filter(([k]) => known.includes(k)));
  const parsed = registrySettingsSchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  // One bad value must not hide the others: keep each valid key on its own.
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(picked)) {
    if (registrySettingsSchema.partial().safeParse({ [key]: value }).success) result[key] = value;
  }
  return registrySettingsSchema.parse(result);
}

export function writeSettings(db: Db, patch: Partial<RegistrySettings>): RegistrySettings {
  const merged = registrySettingsSchema.parse({ ...readSettings(db), ...patch });
  const upsert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    for (const key of Object.keys(patch) as (keyof RegistrySettings)[]) upsert.run(key, JSON.stringify(merged[key]));
  })();
  return merged;
}
