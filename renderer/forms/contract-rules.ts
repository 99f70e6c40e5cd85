import type { FormRule } from 'antd';
import type { z } from 'zod';
import { fieldLimits } from '../../shared/api/schema-limits.ts';

/**
 * antd form rules and input limits derived from the API contract's schemas, so that a form
 * accepts exactly what the backend accepts and says so in Chinese before the clerk saves.
 */

/** Rules for a text field: required (unless the schema lets it be empty), min and max length. */
export function textRules(schema: z.ZodType, label: string, options: { required?: boolean } = {}): FormRule[] {
  const limits = fieldLimits(schema);
  const rules: FormRule[] = [];
  const required = options.required ?? (!limits.optional && (limits.min ?? 0) > 0);
  if (required) rules.push({ required: true, whitespace: true, message: `请填写${label}` });
  if (limits.min !== null && limits.min > 1) rules.push({ min: limits.min, message: `${label}至少${limits.min}个字` });
  if (limits.max !== null) rules.push({ max: limits.max, message: `${label}不能超过${limits.max}个字` });
  return rules;
}

/** The `maxLength` of a text input. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  return fieldLimits(schema).max ?? undefined;
}

/** `min` / `max` props of an InputNumber. */
export function numberRange(schema: z.ZodType): { min?: number; max?: number } {
  const { min, max } = fieldLimits(schema);
  return { ...(min !== null ? { min } : {}), ...(max !== null ? { max } : {}) };
}
