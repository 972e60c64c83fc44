import JsBarcode from 'jsbarcode';
import { useLayoutEffect, useRef } from 'react';

/**
 * The order number as a Code128 barcode, drawn into an SVG (sharp at any print resolution) so a
 * scanner at the packing table opens the order. The digits are printed under the bars as well.
 */
export function OrderBarcode({ value, label }: { value: string; label: string }) {
  const svg = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    if (!svg.current) return;
    JsBarcode(svg.current, value, { format: 'CODE128', height: 44, width: 1.6, margin: 0, fontSize: 13, textMargin: 2, displayValue: true, background: 'transparent' });
  }, [value]);
  return <svg ref={svg} className="jm-print-barcode" role="img" aria-label={label} data-testid="order-barcode" data-value={value} />;
}
