import { useSearchParams } from 'react-router';
import { filterNames, type FilterName } from './libraryQuery.ts';

/**
 * The library's filters (and its search words, `q`) kept in the page's address, so Back from a
 * practice returns to the same list; changing one replaces the address rather than adding to
 * the history.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? '']));
  const setParam = (name: FilterName | 'q', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  /** Clears every filter, keeping only what `keep` names (the search words on the signed-in page). */
  const clear = (keep: Record<string, string> = {}) => setParams(keep, { replace: true });
  return { params, values, setParam, clear };
}
