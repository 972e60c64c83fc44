import type { PrintSheetOrder, PrintSheetsResponse } from '../../../../../contracts/print-sheets';
import { formatNumber } from '../../../app/format';
import { formatWonIn } from '../../../../shared/format';
import { usePrintI18n } from '../i18n';
import { LeftOutNote, OrderFacts, SheetFooter, SheetHeader } from './sheet-parts';

/**
 * 거래명세서: the same order with prices — 공급자 (the shop and its 고객센터) and 공급받는 자 (the
 * buyer), every line with unit price, discount and amount, then the order's totals with 공급가액
 * and 세액 and what was paid and refunded.
 */
export function StatementSheet({ sheets, order, index }: { sheets: PrintSheetsResponse; order: PrintSheetOrder; index: number }) {
  const { p, lang } = usePrintI18n();
  const won = (n: number) => formatWonIn(lang, n);
  const lines = order.addresses.flatMap((a) => a.lines.map((line) => ({ line, recipient: a.recipientName })));
  const manyAddresses = order.addresses.length > 1;
  const { totals } = order;
  const rows: Array<[string, string, boolean?]> = [
    [p.itemsAmount, won(totals.itemsAmount)],
    [p.shippingFee, won(totals.shippingFee)],
    ...(totals.couponDiscount > 0 ? [[p.couponDiscount, won(-totals.couponDiscount)] as [string, string]] : []),
    ...(totals.pointsUsed > 0 ? [[p.pointsUsed, won(-totals.pointsUsed)] as [string, string]] : []),
    ...(totals.fees > 0 ? [[p.fees, won(totals.fees)] as [string, string]] : []),
    [p.orderTotal, won(totals.orderTotal), true],
    [p.supplyAmount, won(totals.supplyAmount)],
    [p.vatAmount, won(totals.vatAmount)],
    [p.paid, won(totals.paid)],
    ...(totals.refunded > 0 ? [[p.refunded, won(totals.refunded)] as [string, string]] : []),
    ...(totals.balanceDue > 0 ? [[p.balanceDue, won(totals.balanceDue), true] as [string, string, boolean]] : []),
    ...(totals.balanceDue < 0 ? [[p.shopOwes, won(-totals.balanceDue), true] as [string, string, boolean]] : []),
  ];
  return (
    <article className="jm-print-page" aria-label={`${p.kindShort.statement} ${order.orderNumber}`} data-testid="print-page">
      <SheetHeader title={p.kinds.statement} shopName={sheets.shop.name} order={order} />
      <div className="jm-print-parties">
        <dl>
          <dt>{p.supplier}</dt>
          <dd className="jm-print-strong">{sheets.shop.businessName ?? sheets.shop.name}</dd>
          {sheets.shop.businessNumber && <dd>{`${p.businessNumber} ${sheets.shop.businessNumber}`}</dd>}
          {sheets.shop.representativeName && <dd>{`${p.representative} ${sheets.shop.representativeName}`}</dd>}
          {sheets.shop.businessAddress && <dd>{sheets.shop.businessAddress}</dd>}
          {sheets.shop.csPhone && <dd>{`${p.csCenter} ${sheets.shop.csPhone}`}</dd>}
          {sheets.shop.csEmail && <dd>{sheets.shop.csEmail}</dd>}
        </dl>
        <dl>
          <dt>{p.receiver}</dt>
          <dd className="jm-print-strong">{order.buyer.name}</dd>
          <dd>{order.buyer.phone}</dd>
          {order.buyer.email && <dd>{order.buyer.email}</dd>}
        </dl>
      </div>
      <OrderFacts order={order} />
      <table className="jm-print-table">
        <thead>
          <tr>
            <th>{p.product}</th>
            <th>{p.option}</th>
            <th className="jm-print-num jm-print-col-qty">{p.quantity}</th>
            <th className="jm-print-num jm-print-col-num">{p.unitPrice}</th>
            <th className="jm-print-num jm-print-col-num">{p.discount}</th>
            <th className="jm-print-num jm-print-col-num">{p.amount}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ line, recipient }) => (
            <tr key={`${recipient}-${line.itemId}`}>
              <td>
                {line.productName}
                {manyAddresses && <div className="jm-print-dim">{`${p.recipient}: ${recipient}`}</div>}
              </td>
              <td>{line.optionName ?? '-'}</td>
              <td className="jm-print-num">{formatNumber(line.quantity)}</td>
              <td className="jm-print-num">{won(line.unitPrice)}</td>
              <td className="jm-print-num">{line.discountPerUnit > 0 ? won(-line.discountPerUnit * line.quantity) : '-'}</td>
              <td className="jm-print-num">{won(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="jm-print-totals" aria-label={p.orderTotal}>
        <tbody>
          {rows.map(([label, value, strong]) => (
            <tr key={label} className={strong ? 'jm-print-strong' : undefined}>
              <th scope="row">{label}</th>
              <td className="jm-print-num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LeftOutNote order={order} />
      <p className="jm-print-dim">{p.statementNote}</p>
      <SheetFooter sheets={sheets} index={index} />
    </article>
  );
}
