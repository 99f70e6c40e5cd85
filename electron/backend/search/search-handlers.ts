import type { searchMethods } from '../../../shared/api/methods/search.ts';
import type { Handlers } from '../handler-types.ts';
import { globalSearch } from './global-search.ts';

export const searchHandlers = {
  'search.global': (input, ctx) => globalSearch(ctx.db, input, ctx.settings().searchSynonyms),
} satisfies Handlers<typeof searchMethods>;
