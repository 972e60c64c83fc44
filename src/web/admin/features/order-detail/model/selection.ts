import type { UnitRow } from './rows';

/** Chosen quantities by row key; a row that is absent is not chosen. */
export type Selection = Record<string, number>;

export interface ChosenUnits {
  row: UnitRow;
  quantity: number;
}

/** The chosen rows that are still there, with quantities kept within what each row holds. */
export function chosen(rows: readonly UnitRow[], selection: Selection): ChosenUnits[] {
  return rows.flatMap((row) => {
    const q = selection[row.key];
    if (q === undefined) return [];
    return [{ row, quantity: Math.max(1, Math.min(row.quantity, Math.floor(q))) }];
  });
}

/** The part of a selection that falls on the given rows: what a dialog starts from. */
export function restrict(selection: Selection, rows: readonly UnitRow[]): Selection {
  const out: Selection = {};
  for (const { row, quantity } of chosen(rows, selection)) out[row.key] = quantity;
  return out;
}

export const totalUnits = (units: readonly ChosenUnits[]) => units.reduce((sum, u) => sum + u.quantity, 0);

/** The selection with one row chosen at a quantity, or left out (undefined). */
export function withRow(selection: Selection, key: string, quantity: number | undefined): Selection {
  const rest = Object.fromEntries(Object.entries(selection).filter(([k]) => k !== key));
  return quantity === undefined ? rest : { ...rest, [key]: quantity };
}
