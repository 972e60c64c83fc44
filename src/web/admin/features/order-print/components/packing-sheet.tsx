import type { PrintAddress, PrintSheetOrder, PrintSheetsResponse } from '../../../../../contracts/print-sheets';
import { formatNumber } from '../../../app/format';
import { usePrintI18n } from '../i18n';
import { LeftOutNote, OrderFacts, SheetFooter, SheetHeader } from './sheet-parts';

/**
 * 주문서 (패킹리스트): one order on one A4 page, for the person at the packing table — per address
 * the recipient and 배송 메모, then what goes in that box with a box to tick and the quantity large.
 * No prices: the sheet may travel in the parcel.
 */
export function PackingSheet({ sheets, order, index }: { sheets: PrintSheetsResponse; order: PrintSheetOrder; index: number }) {
  const { p } = usePrintI18n();
  return (
    <article className="jm-print-page" aria-label={`${p.kindShort.packing} ${order.orderNumber}`} data-testid="print-page">
      <SheetHeader title={p.kinds.packing} shopName={sheets.shop.name} order={order} />
      <OrderFacts order={order} />
      {order.addresses.map((address, i) => (
        <PackingAddress key={address.addressId} address={address} n={i + 1} of={order.addresses.length} />
      ))}
      <LeftOutNote order={order} />
      <SheetFooter sheets={sheets} index={index} />
    </article>
  );
}

function PackingAddress({ address, n, of }: { address: PrintAddress; n: number; of: number }) {
  const { p } = usePrintI18n();
  const units = address.lines.reduce((sum, l) => sum + l.quantity, 0);
  return (
    <section className="jm-print-address" aria-label={p.address(n, of)}>
      <h2 className="jm-print-address-title">{p.address(n, of)}</h2>
      <dl className="jm-print-recipient">
        <div>
          <dt>{p.recipient}</dt>
          <dd className="jm-print-strong">
            {address.recipientName} · {address.recipientPhone}
          </dd>
        </div>
        <div>
          <dt>{p.addressLine}</dt>
          <dd>
            ({address.postcode}) {address.address1} {address.address2}
          </dd>
        </div>
        <div>
          <dt>{p.deliveryNote}</dt>
          <dd className={address.deliveryNote ? 'jm-print-memo' : undefined}>{address.deliveryNote ?? p.noDeliveryNote}</dd>
        </div>
      </dl>
      <table className="jm-print-table">
        <thead>
          <tr>
            <th className="jm-print-check-col">{p.picked}</th>
            <th>{p.product}</th>
            <th className="jm-print-col-option">{p.option}</th>
            <th className="jm-print-num jm-print-col-num">{p.quantity}</th>
          </tr>
        </thead>
        <tbody>
          {address.lines.map((line) => (
            <tr key={line.itemId}>
              <td className="jm-print-check-col">
                <span className="jm-print-checkbox" aria-hidden />
              </td>
              <td>
                {line.productName}
                {line.sku && <div className="jm-print-dim">{line.sku}</div>}
              </td>
              <td>{line.optionName ?? '-'}</td>
              <td className="jm-print-num jm-print-qty">{formatNumber(line.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={4} className="jm-print-num">
              {p.totalUnits(formatNumber(units))}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
