import type { z } from 'zod';

/**
 * The limits a contract schema puts on one field (length of a text, range of a number), read from
 * the schema itself so that a form's rules can never drift from what the backend accepts.
 */
export interface FieldLimits {
  kind: 'string' | 'number' | 'other';
  min: number | null;
  max: number | null;
  /** Whether the field may be left empty (nullable, optional or with a default). */
  optional: boolean;
}

interface Introspectable {
  _zod: { def: { type: string; innerType?: unknown; in?: unknown; out?: unknown } };
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}

const WRAPPERS = new Set(['default', 'prefault', 'nullable', 'optional', 'readonly', 'catch', 'nonoptional']);
const MAKES_OPTIONAL = new Set(['default', 'prefault', 'nullable', 'optional']);

function finite(v: number | null | undefined): number | null {
  return v === undefined || v === null || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? null : v;
}

/** Both limits at once: the tighter bound of each side (a pipe checks its input, then its output). */
function tighter(a: FieldLimits, b: FieldLimits): FieldLimits {
  if (a.kind === 'other') return { ...b, optional: a.optional || b.optional };
  if (b.kind === 'other') return a;
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number) => (x === null ? y : y === null ? x : f(x, y));
  return { kind: a.kind, min: pick(a.min, b.min, Math.max), max: pick(a.max, b.max, Math.min), optional: a.optional || b.optional };
}

function limitsOfNode(node: Introspectable, depth: number): FieldLimits {
  const def = node._zod.def;
  if (depth > 12) return { kind: 'other', min: null, max: null, optional: false };
  if (def.type === 'pipe') {
    const input = def.in ? limitsOfNode(def.in as Introspectable, depth + 1) : null;
    const output = def.out ? limitsOfNode(def.out as Introspectable, depth + 1) : null;
    if (input && output) return tighter(input, output);
    return input ?? output ?? { kind: 'other', min: null, max: null, optional: false };
  }
  if (WRAPPERS.has(def.type) && def.innerType) {
    const inner = limitsOfNode(def.innerType as Introspectable, depth + 1);
    return MAKES_OPTIONAL.has(def.type) ? { ...inner, optional: true } : inner;
  }
  if (def.type === 'string') return { kind: 'string', min: finite(node.minLength), max: finite(node.maxLength), optional: false };
  if (def.type === 'number') return { kind: 'number', min: finite(node.minValue), max: finite(node.maxValue), optional: false };
  return { kind: 'other', min: null, max: null, optional: false };
}

export function fieldLimits(schema: z.ZodType): FieldLimits {
  return limitsOfNode(schema, 0);
}

/** The limits of one key of an object schema. */
export function limitsOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, key: keyof Shape & string): FieldLimits {
  const field = schema.shape[key];
  if (!field) throw new Error(`No field ${key} in schema`);
  return fieldLimits(field as unknown as z.ZodType);
}
