import { z } from 'zod';
import { id, won } from './common';

/**
 * The shop's catalog as staff pick from it: in the order edit (추가) and in the order list's
 * product filter, and the admin's product screen. Read only; a storefront writes the catalog through
 * the Catalog API (src/contracts/catalog.ts).
 */

/** `inactive` (deactivated by the storefront) only ever comes from GET /api/v1/products/{productId}: the search leaves such products out. */
export const PRODUCT_STATUSES = ['active', 'hidden', 'inactive'] as const;

export const productOptionSchema = z
  .object({
    id,
    name: z.string(),
    /** One value per option name of the product (empty for options made without them). */
    values: z.array(z.object({ name: z.string(), value: z.string() })),
    sku: z.string().nullable(),
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
    /** The storefront's id of the product (Catalog API); null for products made in Jumun. */
    externalId: z.string().nullable(),
    name: z.string(),
    price: won,
    /** `hidden`: not on sale in the storefront, but staff may still add it to an order. */
    status: z.enum(PRODUCT_STATUSES),
    /** The option axes, e.g. ['색상', '사이즈']. */
    optionNames: z.array(z.string()),
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
