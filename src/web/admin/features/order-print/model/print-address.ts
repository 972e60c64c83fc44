import { orderFilterSchema, orderSortSchema, periodSchema, type OrderFilter, type OrderPeriod, type OrderSort } from '../../../../../contracts/order-filter';
import { MAX_PRINT_ORDERS, PRINT_SHEET_KINDS, type PrintSheetKind, type PrintSheetsRequest } from '../../../../../contracts/print-sheets';

/**
 * The print view's address, `/orders/print?kind=packing&ids=1,2,3` (chosen orders) or
 * `…&viewId=4`, `…&filter={…}&sort=orderedAt:desc&period={…}` (a tab's
 * conditions): a link that prints the same pages again, opened in a new browser tab.
 */
export const PRINT_PATH = '/orders/print';

/** What the print view should read, or why the address cannot be read. */
export type PrintAddress = { ok: true; kind: PrintSheetKind; request: PrintSheetsRequest } | { ok: false };

export type PrintSource =
  | { kind: 'ids'; ids: readonly number[]; sort?: OrderSort }
  | { kind: 'conditions'; viewId?: number; filter?: OrderFilter; sort?: OrderSort; period?: OrderPeriod };

export function printHref(kind: PrintSheetKind, source: PrintSource): string {
  const params = new URLSearchParams({ kind });
  if (source.kind === 'ids') {
    params.set('ids', source.ids.join(','));
    if (source.sort) params.set('sort', `${source.sort.field}:${source.sort.direction}`);
  } else {
    if (source.viewId !== undefined) params.set('viewId', String(source.viewId));
    if (source.filter) params.set('filter', JSON.stringify(source.filter));
    if (source.sort) params.set('sort', `${source.sort.field}:${source.sort.direction}`);
    if (source.period) params.set('period', JSON.stringify(source.period));
  }
  return `${PRINT_PATH}?${params.toString()}`;
}

const positiveInt = (text: string) => (/^[1-9]\d{0,15}$/.test(text) ? Number(text) : null);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `field:direction`; null when absent, false when unreadable. */
function readSort(text: string | null): OrderSort | null | false {
  if (text === null) return null;
  const [field, direction] = text.split(':');
  const parsed = orderSortSchema.safeParse({ field, direction });
  return parsed.success ? parsed.data : false;
}

/** Reads the address back; anything hand-edited beyond repair is `{ ok: false }` (the page says so). */
export function readPrintAddress(search: string): PrintAddress {
  const params = new URLSearchParams(search);
  const kind = PRINT_SHEET_KINDS.find((k) => k === (params.get('kind') ?? 'packing'));
  if (!kind) return { ok: false };
  const ids = params.get('ids');
  if (ids !== null) {
    const parsed = ids.split(',').map(positiveInt);
    if (parsed.length === 0 || parsed.some((id) => id === null)) return { ok: false };
    const sort = readSort(params.get('sort'));
    if (sort === false) return { ok: false };
    return { ok: true, kind, request: { orderIds: parsed as number[], ...(sort ? { sort } : {}) } };
  }
  const request: PrintSheetsRequest = {};
  const viewId = params.get('viewId');
  if (viewId !== null) {
    const id = positiveInt(viewId);
    if (id === null) return { ok: false };
    request.viewId = id;
  }
  const filter = params.get('filter');
  if (filter !== null) {
    const parsed = orderFilterSchema.safeParse(parseJson(filter));
    if (!parsed.success) return { ok: false };
    request.filter = parsed.data;
  }
  const sort = readSort(params.get('sort'));
  if (sort === false) return { ok: false };
  if (sort) request.sort = sort;
  const period = params.get('period');
  if (period !== null) {
    const parsed = periodSchema.safeParse(parseJson(period));
    if (!parsed.success) return { ok: false };
    request.period = parsed.data;
  }
  if (request.viewId === undefined && request.filter === undefined) return { ok: false };
  return { ok: true, kind, request };
}

/** More chosen than one print takes: the menu says so instead of opening a page that will refuse. */
export const tooManyToPrint = (count: number) => count > MAX_PRINT_ORDERS;
