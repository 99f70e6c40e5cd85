import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries from the contract's zod schemas: values that mostly pass the schema (so
 * the property tests reach the handlers, not only the validation), and mutations of them that
 * mostly do not (a key dropped or added, a value of another type, an extreme number or string,
 * a prototype-polluting key). Only the schema kinds the contract uses are known; anything else is
 * arbitrary JSON.
 */

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

/** Words the importer, the roster and the catalog know, so generated text sometimes means something. */
const WORDS = ['沅江市公安局', '张伟', '行政执法证', '行政编制', '一般检查事项', '2024-06-30', '430981198503150011', 'GA21-0001', '公安', '男', '有效', '待考试', '%', '_', '"', "'", ''];

function stringArb(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 40, 200);
  const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= Math.max(max, min));
  // The contract's refinements on text are date checks: offer real dates (some after today) most of the time.
  if (checks.some((c) => c.check === 'custom')) return fc.oneof({ arbitrary: isoDate, weight: 4 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
  return fc
    .oneof(fc.string({ minLength: min, maxLength: Math.max(min, max) }), fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }), fc.constantFrom(...WORDS))
    .filter((s) => s.length >= min && s.length <= Math.max(min, max));
}

const isoDate = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function numberArb(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const step = checks.find((c) => c.check === 'multiple_of')?.value;
  if (step) return fc.integer({ min: -2, max: 400 }).map((n) => n * step);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const lo = checks.find((c) => c.check === 'greater_than');
  const hi = checks.find((c) => c.check === 'less_than');
  const min = lo ? (lo.value ?? 0) + (lo.inclusive ? 0 : isInt ? 1 : 1e-9) : -1_000_000;
  const max = hi ? (hi.value ?? 0) - (hi.inclusive ? 0 : isInt ? 1 : 1e-9) : 1_000_000;
  if (isInt) return fc.oneof(fc.integer({ min: Math.max(min, -2_000_000), max: Math.min(max, 2_000_000) }), fc.constantFrom(...[min, max, 0, 1].filter((v) => v >= min && v <= max)));
  return fc.double({ min: Math.max(min, -1e7), max: Math.min(max, 1e7), noNaN: true, noDefaultInfinity: true });
}

export function zodArbitrary(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 8) return fc.constant(null);
  switch (def.type) {
    case 'string':
      return stringArb(def);
    case 'number':
      return numberArb(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'optional':
      return fc.option(zodArbitrary(def.innerType as z.ZodType, depth + 1), { nil: undefined, freq: 3 });
    case 'default':
      return fc.option(zodArbitrary(def.innerType as z.ZodType, depth + 1), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(zodArbitrary(def.innerType as z.ZodType, depth + 1), { nil: null, freq: 3 });
    case 'pipe':
      return zodArbitrary(def.in as z.ZodType, depth + 1);
    case 'array': {
      const checks = checksOf(def);
      const minLength = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 5, 5);
      return fc.array(zodArbitrary(def.element as z.ZodType, depth + 1), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => zodArbitrary(o, depth + 1)));
    case 'record':
      return fc.dictionary(zodArbitrary(def.keyType as z.ZodType, depth + 1) as fc.Arbitrary<string>, zodArbitrary(def.valueType as z.ZodType, depth + 1), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape ?? {};
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) arbs[key] = zodArbitrary(value, depth + 1);
      return fc.record(arbs).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const EXTREMES: unknown[] = [-1, 0, 2 ** 53, -(2 ** 31), 1e308, -1e-308, 0.5, '', ' ', '\u0000', '\u202e', 'x'.repeat(100_000), '1; DROP TABLE personnel', [], {}, null, true, '2024-02-30', '９９'];

/**
 * A valid-ish value changed in one place: a key dropped, a key added (among them __proto__ and
 * constructor, as JSON.parse would make them), or one value replaced by an extreme or by junk.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.nat({ max: 3 }), fc.oneof(fc.constantFrom(...EXTREMES), fc.jsonValue({ maxDepth: 2 }))).map(([value, pick, op, junk]) => mutate(value, pick, op, junk));
}

function mutate(value: unknown, pick: number, op: number, junk: unknown): unknown {
  if (value === null || typeof value !== 'object') return junk;
  if (Array.isArray(value)) {
    if (value.length === 0) return [junk];
    const copy = [...(value as unknown[])];
    const i = pick % copy.length;
    copy[i] = op === 0 ? junk : mutate(copy[i], Math.floor(pick / 7), (op + 1) % 4, junk);
    return copy;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (op === 1)
    return JSON.parse(
      `{${[...keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k]) ?? 'null'}`), `${JSON.stringify(['__proto__', 'constructor', 'extra'][pick % 3])}:${JSON.stringify(junk) ?? 'null'}`].join(',')}}`,
    ) as unknown;
  if (keys.length === 0) return { extra: junk };
  const key = keys[pick % keys.length] as string;
  const copy: Record<string, unknown> = { ...obj };
  if (op === 0) delete copy[key];
  else if (op === 2) copy[key] = junk;
  else copy[key] = mutate(copy[key], Math.floor(pick / 7), 2, junk);
  return copy;
}
