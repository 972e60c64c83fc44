import { and, eq, inArray } from 'drizzle-orm';
import type { CheckoutInput } from '../../contracts/orders';
import type { Executor } from '../db/client';
import { customerCoupons, customers, productOptions, products } from '../db/schema/index';
import { AppError } from '../http/errors';

/**
 * A storefront names members, products, variants and issued coupons by its own ids (as it synced
 * them through the catalog and member APIs). This turns those into Jumun's ids before the order is
 * priced, so the rest of intake has one kind of id to deal with. An id the shop does not know is
 * refused with 422 naming the path of the field, e.g. `items[2].optionExternalId`.
 */
export async function resolveStorefrontIds(tx: Executor, shopId: number, input: CheckoutInput): Promise<CheckoutInput> {
  const orderer = await resolveMember(tx, shopId, input.orderer);
  const items = await resolveItems(tx, shopId, input.items);
  const discounts = await resolveIssuedCoupon(tx, shopId, input.discounts);
  return { ...input, orderer, items, discounts };
}

async function resolveMember(tx: Executor, shopId: number, orderer: CheckoutInput['orderer']): Promise<CheckoutInput['orderer']> {
  const { memberExternalId, ...rest } = orderer;
  if (memberExternalId === undefined) return orderer;
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.shopId, shopId), eq(customers.externalId, memberExternalId)));
  if (!row) throw new AppError('CUSTOMER_NOT_FOUND', { path: 'orderer.memberExternalId', memberExternalId });
  return { ...rest, customerId: row.id };
}

async function resolveIssuedCoupon(tx: Executor, shopId: number, discounts: CheckoutInput['discounts']): Promise<CheckoutInput['discounts']> {
  const { issuedCouponExternalId, ...rest } = discounts;
  if (issuedCouponExternalId === undefined) return discounts;
  const [row] = await tx
    .select({ id: customerCoupons.id })
    .from(customerCoupons)
    .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.externalId, issuedCouponExternalId)));
  // Whether it belongs to this member and can be used is intake's usual coupon check.
  if (!row) throw new AppError('COUPON_NOT_AVAILABLE', { path: 'discounts.issuedCouponExternalId', issuedCouponExternalId });
  return { ...rest, customerCouponId: row.id };
}

type ItemInput = CheckoutInput['items'][number];

async function resolveItems(tx: Executor, shopId: number, items: ItemInput[]): Promise<ItemInput[]> {
  const productKeys = [...new Set(items.flatMap((i) => (i.productExternalId === undefined ? [] : [i.productExternalId])))];
  if (productKeys.length === 0) return items;
  const optionKeys = [...new Set(items.flatMap((i) => (i.optionExternalId === undefined ? [] : [i.optionExternalId])))];
  const productRows = await tx
    .select({ id: products.id, externalId: products.externalId })
    .from(products)
    .where(and(eq(products.shopId, shopId), inArray(products.externalId, productKeys)));
  const optionRows = optionKeys.length
    ? await tx
        .select({ id: productOptions.id, productId: productOptions.productId, externalId: productOptions.externalId })
        .from(productOptions)
        .where(and(eq(productOptions.shopId, shopId), inArray(productOptions.externalId, optionKeys)))
    : [];
  const productByKey = new Map(productRows.map((r) => [r.externalId, r.id]));
  const optionByKey = new Map(optionRows.map((r) => [r.externalId, r]));
  return items.map((item, index) => {
    // the storefront's ids stay on the item, so later refusals name the field the storefront sent
    const { productExternalId, optionExternalId } = item;
    if (productExternalId === undefined) return item;
    const productId = productByKey.get(productExternalId);
    if (productId === undefined) throw new AppError('PRODUCT_NOT_FOUND', { path: `items[${index}].productExternalId`, itemIndex: index, productExternalId });
    if (optionExternalId === undefined) return { ...item, productId };
    const option = optionByKey.get(optionExternalId);
    if (!option || option.productId !== productId) {
      throw new AppError('OPTION_NOT_FOUND', { path: `items[${index}].optionExternalId`, itemIndex: index, optionExternalId });
    }
    return { ...item, productId, optionId: option.id };
  });
}
