import type { z } from 'zod';
import type { Result } from './result.ts';

/**
 * One method the UI can call: what it accepts, what it returns, and a Chinese title used in logs
 * and error messages. Both schemas are zod schemas; the backend parses every input with `input`
 * on arrival, whatever the transport.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly title: string;
  readonly input: I;
  readonly output: O;
}

export type MethodRecord = Readonly<Record<string, MethodSpec>>;

export function defineMethods<const M extends MethodRecord>(methods: M): M {
  return methods;
}

/** The input a caller passes (before zod defaults are applied). */
export type InputOf<S extends MethodSpec> = z.input<S['input']>;
/** The input a handler receives (after zod defaults and transforms). */
export type ParsedInputOf<S extends MethodSpec> = z.output<S['input']>;
/** The output a caller receives. */
export type OutputOf<S extends MethodSpec> = z.output<S['output']>;

/** The client-side view of a method record: one async function per method, returning a Result. */
export type ApiClient<M extends MethodRecord> = {
  readonly [K in keyof M]: (input: InputOf<M[K]>) => Promise<Result<OutputOf<M[K]>>>;
};
