import { z } from 'zod';
import { id, won } from './common';

/**
 * The shop's catalog as staff pick from it: in the order edit (추가) and in the order list's
 * product filter. Read only; the catalog itself is managed elsewhere (not part of the API yet).
 */

export const PRODUCT_STATUSES = ['active', 'hidden'] as const;

export const productOptionSchema = z
  .object({
    id,
    name: z.string(),
    /** Added to the product's price: the option's unit price is `price + extraPrice` (may be negative). */
    extraPrice: z.number().int(),
    /** Units in stock; null when the option's stock is not tracked. */
    stock: z.number().int().nullable(),
  })
  .meta({ id: 'ProductOption' });
export type ProductOption = z.infer<typeof productOptionSchema>;

export const productSchema = z
  .object({
    id,
    name: z.string(),
    price: won,
    /** `hidden`: not on sale in the storefront, but staff may still add it to an order. */
    status: z.enum(PRODUCT_STATUSES),
    /** In the order they were created; empty for a product sold without options. */
    options: z.array(productOptionSchema),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof productSchema>;

export const PRODUCT_PAGE_DEFAULT = 20;

export const productListQuerySchema = z.object({
  /** Part of the name, any case (`그래`, `니트`, `spf`); empty or absent: every product. */
  keyword: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(PRODUCT_PAGE_DEFAULT),
  /** `nextCursor` of the previous page, with the same keyword. */
  cursor: z.string().max(2000).optional(),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

/** Products on sale first, then hidden ones; by name within each. */
export const productListResponseSchema = z
  .object({
    items: z.array(productSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ProductList' });
export type ProductListResponse = z.infer<typeof productListResponseSchema>;

export const productParams = z.object({ productId: z.coerce.number().pipe(id) });
