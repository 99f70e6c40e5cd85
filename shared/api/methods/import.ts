import { defineMethods } from '../define.ts';

export const importMethods = defineMethods({});
