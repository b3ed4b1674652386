import type { AssetSummary } from '../../api/types';

/** Assets in hierarchy order (site, then area, then what sits under it), with their depth. */
export function assetTree(items: AssetSummary[]): { asset: AssetSummary; depth: number }[] {
  const byParent = new Map<number | null, AssetSummary[]>();
  const ids = new Set(items.map((a) => a.id));
  for (const a of items) {
    // A parent not in this list (filtered out) shows the asset at the top.
    const key = a.parent_id != null && ids.has(a.parent_id) ? a.parent_id : null;
    byParent.set(key, [...(byParent.get(key) ?? []), a]);
  }
  const out: { asset: AssetSummary; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort(
      (x, y) =>
        (parent === null ? x.site_name.localeCompare(y.site_name) : 0) ||
        x.name.localeCompare(y.name),
    );
    for (const a of children) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ asset: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
