import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { productOptions, products } from '../db/schema/index';
import { AppError } from '../http/errors';

export interface ResolvedLine {
  productId: number | null;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  sku: string | null;
  unitPrice: number;
  isCustom: boolean;
  tracksStock: boolean;
  quantity: number;
  addressIndex: number;
}

type LineInput = {
  quantity: number;
  addressIndex: number;
  productId?: number | undefined;
  optionId?: number | undefined;
  /** Present when the storefront named the item by its own ids (already resolved to the ids above). */
  productExternalId?: string | undefined;
  unitPrice?: number | undefined;
  custom?: { name: string; optionName?: string | undefined; sku?: string | undefined; unitPrice: number } | undefined;
};

/** The request field a refusal is about, as the caller sent it. */
function pathOf(line: LineInput, index: number, field: 'product' | 'option' | 'unitPrice'): string {
  if (field === 'unitPrice') return `items[${index}].unitPrice`;
  const external = line.productExternalId !== undefined;
  return `items[${index}].${field}${external ? 'ExternalId' : 'Id'}`;
}

/** Snapshots what is sold from the catalog (price = product price + option extra price). */
export async function resolveLines(tx: Executor, shopId: number, lines: readonly LineInput[]): Promise<ResolvedLine[]> {
  const productIds = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const productRows = productIds.length ? await tx.select().from(products).where(and(eq(products.shopId, shopId), inArray(products.id, productIds))) : [];
  const optionRows = productIds.length
    ? await tx.select().from(productOptions).where(and(eq(productOptions.shopId, shopId), inArray(productOptions.productId, productIds)))
    : [];
  return lines.map((line, index) => {
    if (line.custom) {
      const c = line.custom;
      return {
        productId: null, optionId: null, productName: c.name, optionName: c.optionName ?? null, sku: c.sku ?? null, unitPrice: c.unitPrice,
        isCustom: true, tracksStock: false, quantity: line.quantity, addressIndex: line.addressIndex,
      };
    }
    const product = productRows.find((p) => p.id === line.productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', { path: pathOf(line, index, 'product'), itemIndex: index, productId: line.productId });
    // a deactivated product or variant lives on in past orders only; hidden ones may still be sold
    if (product.status === 'inactive') throw new AppError('PRODUCT_NOT_ON_SALE', { path: pathOf(line, index, 'product'), itemIndex: index, productId: product.id });
    const options = optionRows.filter((o) => o.productId === product.id);
    const option = line.optionId === undefined ? undefined : options.find((o) => o.id === line.optionId);
    if (line.optionId !== undefined && !option) throw new AppError('OPTION_NOT_FOUND', { path: pathOf(line, index, 'option'), itemIndex: index, optionId: line.optionId });
    if (option?.status === 'inactive') throw new AppError('PRODUCT_NOT_ON_SALE', { path: pathOf(line, index, 'option'), itemIndex: index, optionId: option.id });
    if (!option && options.some((o) => o.status === 'active')) {
      throw new AppError('OPTION_REQUIRED', { path: pathOf(line, index, 'option'), itemIndex: index, productId: product.id });
    }
    const unitPrice = product.price + (option?.extraPrice ?? 0);
    if (line.unitPrice !== undefined && line.unitPrice !== unitPrice) {
      throw new AppError('PRICE_MISMATCH', { path: pathOf(line, index, 'unitPrice'), itemIndex: index, expected: unitPrice, given: line.unitPrice });
    }
    return {
      productId: product.id,
      optionId: option?.id ?? null,
      productName: product.name,
      optionName: option?.name ?? null,
      sku: option?.sku ?? null,
      unitPrice,
      isCustom: false,
      tracksStock: option?.stock !== null && option?.stock !== undefined,
      quantity: line.quantity,
      addressIndex: line.addressIndex,
    };
  });
}

/** Takes stock for tracked options; a shortfall refuses the whole order (the transaction rolls back). */
export async function takeStock(tx: Executor, shopId: number, optionId: number, quantity: number, itemIndex: number) {
  const taken = await tx
    .update(productOptions)
    .set({ stock: sql`${productOptions.stock} - ${quantity}` })
    .where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, optionId), gte(productOptions.stock, quantity)))
    .returning({ stock: productOptions.stock });
  if (taken.length === 0) throw new AppError('OUT_OF_STOCK', { itemIndex, optionId, requested: quantity });
}
