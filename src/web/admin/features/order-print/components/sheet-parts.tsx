import type { PrintSheetOrder, PrintSheetsResponse } from '../../../../../contracts/print-sheets';
import { formatNumber, formatSeoulDateTime } from '../../../app/format';
import { usePrintI18n } from '../i18n';
import { OrderBarcode } from './order-barcode';

/** The top of every sheet: its title and the shop, the barcode, and the order's facts. */
export function SheetHeader({ title, shopName, order }: { title: string; shopName: string; order: PrintSheetOrder }) {
  const { p } = usePrintI18n();
  return (
    <header className="jm-print-header">
      <div>
        <h1 className="jm-print-title">{title}</h1>
        <div className="jm-print-shop">{shopName}</div>
      </div>
      <OrderBarcode value={order.orderNumber} label={p.barcodeLabel(order.orderNumber)} />
    </header>
  );
}

/** 주문번호, 주문일시 (Seoul), 판매채널, 주문자 as a row of labelled facts. */
export function OrderFacts({ order }: { order: PrintSheetOrder }) {
  const { p } = usePrintI18n();
  const facts: Array<[string, string]> = [
    [p.orderNumber, order.orderNumber],
    [p.orderedAt, formatSeoulDateTime(order.orderedAt)],
    [p.channel, order.channelLabel],
    [p.buyer, `${order.buyer.name} · ${order.buyer.phone} (${order.buyer.isMember ? p.member : p.guest})`],
  ];
  return (
    <dl className="jm-print-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "취소 1개는 목록에서 뺐습니다": a short box is then not taken for a mistake. Nothing when nothing was left out. */
export function LeftOutNote({ order }: { order: PrintSheetOrder }) {
  const { p } = usePrintI18n();
  const parts = (['cancel', 'return', 'exchange'] as const).filter((k) => order.leftOut[k] > 0).map((k) => p.leftOut[k](formatNumber(order.leftOut[k])));
  if (parts.length === 0) return null;
  return (
    <p className="jm-print-note" data-testid="left-out">
      {p.leftOutNote(parts.join(', '))}
    </p>
  );
}

/** 상호 · 사업자등록번호, as a Korean shop's documents carry them; null when neither is set. */
export function businessLine(shop: PrintSheetsResponse['shop'], label: string): string | null {
  const parts = [shop.businessName, shop.businessNumber ? `${label} ${shop.businessNumber}` : null].filter((c): c is string => !!c);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The bottom of every sheet: 상호 and 사업자등록번호, the shop's 고객센터, when it was printed, which page of how many. */
export function SheetFooter({ sheets, index }: { sheets: PrintSheetsResponse; index: number }) {
  const { p } = usePrintI18n();
  const contacts = [sheets.shop.csPhone, sheets.shop.csEmail].filter((c): c is string => !!c);
  const business = businessLine(sheets.shop, p.businessNumber);
  return (
    <footer className="jm-print-footer">
      {business && <span data-testid="print-business">{business}</span>}
      <span>{contacts.length > 0 ? `${p.csCenter} ${contacts.join(' · ')}` : sheets.shop.name}</span>
      <span>{p.printedAt(formatSeoulDateTime(sheets.printedAt))}</span>
      <span>{p.pageOf(index + 1, sheets.orders.length)}</span>
    </footer>
  );
}
