import type { catalogMethods } from '../../../shared/api/methods/catalog.ts';
import type { Handlers } from '../handler-types.ts';

export const catalogHandlers = {} satisfies Handlers<typeof catalogMethods>;
