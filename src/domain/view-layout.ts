/**
 * Column layouts of the order list (관리 항목 설정), pure. The set of columns is passed in (the
 * contracts own it; the domain imports nothing), so layouts stored before a column was added or
 * removed still read as a complete layout of today's columns.
 */

export interface LayoutColumn<K extends string = string> {
  key: K;
  position: number;
  width: number;
  visible: boolean;
}

/**
 * A complete layout of the columns in `defaults`: the entries given, in position order (ties keep
 * the order they came in), then every column they leave out, hidden, in the default order with
 * its default width. Unknown keys (a column since removed) and repeated keys are dropped. Positions
 * come out as 0, 1, 2 … so two layouts showing the same thing are equal.
 *
 * Left-out columns come hidden rather than as the default shows them: a staff member who arranged
 * their columns should not find a new one pushed into their table; 관리 항목 설정 lists it to turn on.
 */
export function normalizeLayout<K extends string>(entries: ReadonlyArray<LayoutColumn>, defaults: ReadonlyArray<LayoutColumn<K>>): Array<LayoutColumn<K>> {
  const known = new Map<string, LayoutColumn<K>>(defaults.map((d) => [d.key, d]));
  const seen = new Set<string>();
  const given: Array<LayoutColumn<K>> = [];
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.position - b.e.position || a.i - b.i);
  for (const { e } of ordered) {
    const column = known.get(e.key);
    if (!column || seen.has(e.key)) continue;
    seen.add(e.key);
    given.push({ key: column.key, position: 0, width: e.width, visible: e.visible });
  }
  const missing = [...defaults]
    .sort((a, b) => a.position - b.position)
    .filter((d) => !seen.has(d.key))
    .map((d) => ({ key: d.key, position: 0, width: d.width, visible: false }));
  return [...given, ...missing].map((c, position) => ({ ...c, position }));
}

/**
 * The layout as the table shows it while a filter asks for `key` (배송지연 while the delay filter is
 * on): the stored layout is not changed. Where the layout shows the column already, as it stands;
 * otherwise it is shown just after `after` when that is shown, else first — next to what the
 * filter is about, not past the right edge.
 */
export function withColumnShown<K extends string>(layout: ReadonlyArray<LayoutColumn<K>>, wanted: { key: K; width: number }, after: K): Array<LayoutColumn<K>> {
  const { key } = wanted;
  const ordered = [...layout].sort((a, b) => a.position - b.position);
  const column = ordered.find((c) => c.key === key);
  if (column?.visible) return ordered;
  const rest = ordered.filter((c) => c.key !== key);
  const anchor = rest.findIndex((c) => c.key === after && c.visible);
  const shown: LayoutColumn<K> = { key, position: 0, width: column?.width ?? wanted.width, visible: true };
  rest.splice(anchor + 1, 0, shown);
  return rest.map((c, position) => ({ ...c, position }));
}
