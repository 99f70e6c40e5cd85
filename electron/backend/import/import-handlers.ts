import type { importMethods } from '../../../shared/api/methods/import.ts';
import type { Handlers } from '../handler-types.ts';

export const importHandlers = {} satisfies Handlers<typeof importMethods>;
