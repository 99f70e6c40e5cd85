import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';

/** Schema pieces every method file uses, so an id, a date or a free-text field is checked alike everywhere. */

export const idSchema = z.number().int().positive();

export const isoDateSchema = z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD 格式');

/** Optional free text: trimmed, length-capped, and an empty field stored as null. */
export function optionalText(max: number, label?: string) {
  return z
    .string()
    .trim()
    .max(max, label ? `${label}不能超过${max}个字` : undefined)
    .nullable()
    .transform((v) => (v === '' ? null : v));
}

/** The answer of a change: the recorded operation (for 撤销), or null when nothing changed. */
export const operationResultSchema = z.object({ operationId: z.number().int().nullable() });
