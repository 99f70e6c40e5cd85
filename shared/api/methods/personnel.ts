import { defineMethods } from '../define.ts';

export const personnelMethods = defineMethods({});
