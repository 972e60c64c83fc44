import { COLUMN_WIDTH, COLUMNS, type ColumnKey, type ColumnLayout, type ColumnLayoutEntry } from '../../../../../contracts/views';
import type { Lang } from '../../../app/i18n';

/** Column layouts (관리 항목 설정) as the table and the settings dialog change them. */

export const columnLabel = (key: ColumnKey, lang: Lang) => COLUMNS[key][lang];

export function orderedColumns(layout: ColumnLayout): ColumnLayoutEntry[] {
  return [...layout].sort((a, b) => a.position - b.position);
}

const renumber = (columns: ColumnLayoutEntry[]): ColumnLayout => columns.map((c, position) => ({ ...c, position }));

/** Moves `key` to where `overKey` stands (dnd-kit's arrayMove semantics). */
export function moveColumn(layout: ColumnLayout, key: ColumnKey, overKey: ColumnKey): ColumnLayout {
  const columns = orderedColumns(layout);
  const from = columns.findIndex((c) => c.key === key);
  const to = columns.findIndex((c) => c.key === overKey);
  if (from < 0 || to < 0 || from === to) return layout;
  const [moved] = columns.splice(from, 1);
  if (!moved) return layout;
  columns.splice(to, 0, moved);
  return renumber(columns);
}

export function setColumnVisible(layout: ColumnLayout, key: ColumnKey, visible: boolean): ColumnLayout {
  return renumber(orderedColumns(layout).map((c) => (c.key === key ? { ...c, visible } : c)));
}

export const clampWidth = (width: number) => Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, width)));

export function setColumnWidths(layout: ColumnLayout, widths: Partial<Record<ColumnKey, number>>): ColumnLayout {
  return renumber(orderedColumns(layout).map((c) => (widths[c.key] === undefined ? c : { ...c, width: clampWidth(widths[c.key] ?? c.width) })));
}

export function sameLayout(a: ColumnLayout, b: ColumnLayout): boolean {
  const x = orderedColumns(a);
  const y = orderedColumns(b);
  return x.length === y.length && x.every((c, i) => c.key === y[i]?.key && c.visible === y[i]?.visible && c.width === y[i]?.width);
}
