import type { LayoutColumn } from './view-layout';

/**
 * "Unsaved changes" of a tab, pure (Twenty's idea): the list's current filter, sort and columns
 * compared with the saved tab, so the tab shows 수정됨 exactly when saving would change something.
 *
 * Two filters are the same when they select the same orders by the filter spec's own rules, not
 * when their JSON is equal: a list condition matches ANY of its values, so the order of values and
 * repeats do not matter; an empty list, an empty keyword or an empty object is the same as leaving
 * the condition out. Ticking a status and unticking it again is therefore no change.
 */

export interface ViewSort {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ViewSnapshot {
  filter: Readonly<Record<string, unknown>>;
  sort: ViewSort;
  columns: ReadonlyArray<LayoutColumn>;
}

export interface ViewDiff {
  changed: boolean;
  /** Filter conditions added, removed or changed, by key, sorted. */
  filter: { changed: boolean; keys: string[] };
  sort: { changed: boolean };
  /** `order`: the columns stand in another order; `keys`: columns shown, hidden or resized. */
  columns: { changed: boolean; order: boolean; keys: string[] };
}

type Canonical = string | number | boolean | Canonical[] | { [key: string]: Canonical };

/** JSON with sorted keys, to compare and sort canonical values. */
function keyOf(value: Canonical): string {
  if (Array.isArray(value)) return `[${value.map(keyOf).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${keyOf(value[k] as Canonical)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The value as the filter means it, or undefined when it sets no condition. */
function canonical(value: unknown): Canonical | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = new Map<string, Canonical>();
    for (const item of value) {
      const c = canonical(item);
      if (c !== undefined) items.set(keyOf(c), c);
    }
    if (items.size === 0) return undefined;
    return [...items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Canonical } = {};
    for (const [k, v] of Object.entries(value)) {
      const c = canonical(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return undefined;
}

/** The filter with every condition that selects nothing left out and every list as a sorted set. */
export function canonicalFilter(filter: Readonly<Record<string, unknown>>): Record<string, Canonical> {
  const c = canonical(filter);
  return c !== undefined && typeof c === 'object' && !Array.isArray(c) ? c : {};
}

export function filterChanges(saved: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>): string[] {
  const a = canonicalFilter(saved);
  const b = canonicalFilter(current);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => (a[k] === undefined ? undefined : keyOf(a[k])) !== (b[k] === undefined ? undefined : keyOf(b[k]))).sort();
}

/** Columns compare by their order (positions are only ranks), visibility and width. */
export function columnChanges(saved: ReadonlyArray<LayoutColumn>, current: ReadonlyArray<LayoutColumn>): { order: boolean; keys: string[] } {
  const byPosition = (cols: ReadonlyArray<LayoutColumn>) => [...cols].sort((x, y) => x.position - y.position || (x.key < y.key ? -1 : 1));
  const a = byPosition(saved);
  const b = byPosition(current);
  const order = a.length !== b.length || a.some((c, i) => c.key !== b[i]?.key);
  const before = new Map(a.map((c) => [c.key, c]));
  const after = new Map(b.map((c) => [c.key, c]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].filter((k) => {
    const x = before.get(k);
    const y = after.get(k);
    return !x || !y || x.visible !== y.visible || x.width !== y.width;
  });
  return { order, keys: keys.sort() };
}

export function diffView(saved: ViewSnapshot, current: ViewSnapshot): ViewDiff {
  const filterKeys = filterChanges(saved.filter, current.filter);
  const sortChanged = saved.sort.field !== current.sort.field || saved.sort.direction !== current.sort.direction;
  const columns = columnChanges(saved.columns, current.columns);
  const columnsChanged = columns.order || columns.keys.length > 0;
  return {
    changed: filterKeys.length > 0 || sortChanged || columnsChanged,
    filter: { changed: filterKeys.length > 0, keys: filterKeys },
    sort: { changed: sortChanged },
    columns: { changed: columnsChanged, ...columns },
  };
}
