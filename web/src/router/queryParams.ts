import { navigate } from './router';

/**
 * Sets one query parameter of `path` (or removes it when `value` is empty),
 * keeping the others, without a new history entry: a list page's filters
 * live in its URL, so a reload or a shared link shows the same list.
 */
export function replaceQueryParam(path: string, name: string, value: string): void {
  const next = new URLSearchParams(window.location.search);
  if (value) next.set(name, value);
  else next.delete(name);
  const qs = next.toString();
  navigate(qs ? `${path}?${qs}` : path, { replace: true });
}
