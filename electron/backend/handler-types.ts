import type { z } from 'zod';
import type { MethodRecord, MethodSpec } from '../../shared/api/define.ts';
import type { BackendContext } from './context.ts';

/** A handler receives the parsed (defaults applied) input and returns the output's input form. */
export type Handler<S extends MethodSpec> = (input: z.output<S['input']>, ctx: BackendContext) => z.input<S['output']> | Promise<z.input<S['output']>>;

export type Handlers<M extends MethodRecord> = { readonly [K in keyof M]: Handler<M[K]> };
