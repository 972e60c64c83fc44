import { Button, Menu, type ButtonProps } from '@mantine/core';
import { PRINT_SHEET_KINDS, type PrintSheetKind } from '../../../../../contracts/print-sheets';
import type { OrderFilter, OrderSort } from '../../../../../contracts/order-filter';
import { formatNumber } from '../../../app/format';
import { usePrintI18n } from '../i18n';
import { printHref, tooManyToPrint, type PrintSource } from '../model/print-address';

/**
 * The ways into the print view: each opens /orders/print in a new browser tab (a real link, so
 * the list or the order stays where it was), for the chosen orders or the tab's conditions.
 */
const itemLabel = (p: ReturnType<typeof usePrintI18n>['p'], kind: PrintSheetKind) => (kind === 'packing' ? p.printPacking : p.printStatement);

function PrintItems({ source, count }: { source: PrintSource; count?: number }) {
  const { p } = usePrintI18n();
  const tooMany = count !== undefined && tooManyToPrint(count);
  return (
    <>
      {PRINT_SHEET_KINDS.map((kind) =>
        tooMany ? (
          <Menu.Item key={kind} disabled title={p.tooMany}>
            {itemLabel(p, kind)}
          </Menu.Item>
        ) : (
          <Menu.Item key={kind} component="a" href={printHref(kind, source)} target="_blank" rel="noopener">
            {itemLabel(p, kind)}
          </Menu.Item>
        ),
      )}
      {tooMany && <Menu.Label>{p.tooMany}</Menu.Label>}
    </>
  );
}

/** 인쇄 ▾ with 주문서 인쇄 and 거래명세서 인쇄 of `source`; `caption` names what will print. */
export function PrintMenu({ source, caption, count, size = 'sm' }: { source: PrintSource; caption: string; count?: number; size?: ButtonProps['size'] }) {
  const { p } = usePrintI18n();
  return (
    <Menu position="bottom-end" shadow="md" width={240} withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} rightSection={<span aria-hidden>▾</span>}>
          {p.menu}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={p.menuLabel}>
        <Menu.Label>{caption}</Menu.Label>
        <PrintItems source={source} count={count} />
      </Menu.Dropdown>
    </Menu>
  );
}

/** Beside 엑셀 다운로드: the list's current conditions (the tab's filter with unsaved changes and the search). */
export function PrintConditionsMenu({ filter, sort }: { filter: OrderFilter; sort: OrderSort }) {
  const { p } = usePrintI18n();
  return <PrintMenu source={{ kind: 'conditions', filter, sort }} caption={p.conditionsGroup} />;
}

/** In the bar over the selected rows: the chosen orders, or "검색된 주문 N건 전체" as its filter. */
export function PrintSelectionMenu({ selection, sort }: { selection: { kind: 'ids'; ids: ReadonlySet<number> } | { kind: 'all'; filter: OrderFilter; total: number } | { kind: 'none' }; sort: OrderSort }) {
  const { p } = usePrintI18n();
  if (selection.kind === 'none') return null;
  const count = selection.kind === 'ids' ? selection.ids.size : selection.total;
  const source: PrintSource = selection.kind === 'ids' ? { kind: 'ids', ids: [...selection.ids], sort } : { kind: 'conditions', filter: selection.filter, sort };
  return <PrintMenu source={source} caption={p.selectedGroup(formatNumber(count))} count={count} size="xs" />;
}

/** In an order's … menu: this order's 주문서 and 거래명세서. */
export function PrintOrderMenuItems({ orderId }: { orderId: number }) {
  return (
    <>
      <Menu.Divider />
      <PrintItems source={{ kind: 'ids', ids: [orderId] }} />
    </>
  );
}
