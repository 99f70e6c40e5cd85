import { defineMethods } from '../define.ts';

export const catalogMethods = defineMethods({});
