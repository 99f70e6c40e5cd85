import type { personnelMethods } from '../../../shared/api/methods/personnel.ts';
import type { Handlers } from '../handler-types.ts';

export const personnelHandlers = {} satisfies Handlers<typeof personnelMethods>;
