import { z } from 'zod';
import { id, isoDateTime, signedWon, won } from './common';

/**
 * The Catalog API: a storefront writes its products and their options (variants) by its own ids,
 * and Jumun keeps them for intake, the staff's product picker and restocking. Products are never
 * deleted, only deactivated: past orders keep snapshots, but refer to the rows by id.
 */

export const CATALOG_BATCH_MAX = 1000;
export const CATALOG_OPTIONS_MAX = 500;
export const CATALOG_OPTION_NAMES_MAX = 5;

/** The storefront's own id: printable, no surrounding spaces, no slash (it travels in the path). */
export const externalId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\s/](?:[^/]*[^\s/])?$/, 'ID는 앞뒤 공백과 / 없이 100자 이내입니다');

const label = (max: number) => z.string().trim().min(1).max(max);

export const catalogOptionValueSchema = z.object({ name: label(50), value: label(100) }).meta({ id: 'CatalogOptionValue' });

// The input schemas carry no component id: their defaults make input and output differ, and the
// OpenAPI generator refuses two schemas under one name. They are inlined in the document instead.
export const catalogOptionInputSchema = z.object({
  externalId,
  /** One value per option name of the product, e.g. [{ name: '색상', value: '네이비' }, { name: '사이즈', value: 'M' }]. */
  values: z.array(catalogOptionValueSchema).max(CATALOG_OPTION_NAMES_MAX).default([]),
  sku: z.string().trim().max(100).nullable().optional(),
  /** 옵션 추가금, added to the product price; may be negative. */
  extraPrice: signedWon.default(0),
  /** Units in stock; null: stock is not tracked. */
  stock: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
});
export type CatalogOptionInput = z.infer<typeof catalogOptionInputSchema>;

export const CATALOG_INPUT_STATUSES = ['active', 'hidden'] as const;

export const catalogProductInputSchema = z.object({
  name: label(200),
  price: won,
  /** `active`: on sale; `hidden`: not shown by the storefront. A PUT with either reactivates a deactivated product. */
  status: z.enum(CATALOG_INPUT_STATUSES).default('active'),
  /** The option axes in display order, e.g. ['색상', '사이즈']; empty for a product without options. */
  optionNames: z.array(label(50)).max(CATALOG_OPTION_NAMES_MAX).default([]),
  /** Every option the product has now; options Jumun knows that are missing here become inactive. */
  options: z.array(catalogOptionInputSchema).max(CATALOG_OPTIONS_MAX).default([]),
});
export type CatalogProductInput = z.infer<typeof catalogProductInputSchema>;

/** A row of a batch: the product with its external id. */
export const catalogBatchRowSchema = catalogProductInputSchema.extend({ externalId });

export const catalogBatchRequestSchema = z
  .object({
    /**
     * Up to 1,000 rows (`CATALOG_BATCH_TOO_LARGE`), each a CatalogBatchRow. Rows are validated one by
     * one, so that a malformed row is refused on its own and the others are applied.
     */
    products: z.array(z.unknown()).min(1),
  })
  .meta({ id: 'CatalogBatchRequest' });

export const CATALOG_STATUSES = ['active', 'hidden', 'inactive'] as const;

export const catalogOptionSchema = z
  .object({
    id,
    externalId: z.string().nullable(),
    /** Display name made from the values ("네이비 / M"); 기본 for the default option of a product without option names. */
    name: z.string(),
    values: z.array(catalogOptionValueSchema),
    sku: z.string().nullable(),
    extraPrice: z.number().int(),
    stock: z.number().int().nullable(),
    status: z.enum(['active', 'inactive']),
    position: z.number().int(),
  })
  .meta({ id: 'CatalogOption' });
export type CatalogOption = z.infer<typeof catalogOptionSchema>;

export const catalogProductSchema = z
  .object({
    /** Jumun's id, the one orders are placed with. */
    id,
    externalId: z.string().nullable(),
    name: z.string(),
    price: won,
    status: z.enum(CATALOG_STATUSES),
    optionNames: z.array(z.string()),
    /** Active options first, each group in the storefront's order. */
    options: z.array(catalogOptionSchema),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'CatalogProduct' });
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const CATALOG_OUTCOMES = ['created', 'updated', 'unchanged', 'refused'] as const;
export type CatalogOutcome = (typeof CATALOG_OUTCOMES)[number];

export const catalogBatchResultSchema = z
  .object({
    index: z.number().int(),
    /** Null when the row had no usable external id. */
    externalId: z.string().nullable(),
    outcome: z.enum(CATALOG_OUTCOMES),
    productId: id.optional(),
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }).optional(),
  })
  .meta({ id: 'CatalogBatchResult' });
export type CatalogBatchResult = z.infer<typeof catalogBatchResultSchema>;

export const catalogBatchResponseSchema = z
  .object({
    results: z.array(catalogBatchResultSchema),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
  })
  .meta({ id: 'CatalogBatchResponse' });
export type CatalogBatchResponse = z.infer<typeof catalogBatchResponseSchema>;

export const catalogListQuerySchema = z.object({
  /** Part of the name or the external id, any case. */
  keyword: z.string().trim().max(100).optional(),
  status: z.enum(CATALOG_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page, with the same keyword and status. */
  cursor: z.string().max(200).optional(),
});
export type CatalogListQuery = z.infer<typeof catalogListQuerySchema>;

/** By Jumun id, oldest first: a stable order for a storefront to walk the whole catalog. */
export const catalogListResponseSchema = z
  .object({ items: z.array(catalogProductSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CatalogProductList' });
export type CatalogListResponse = z.infer<typeof catalogListResponseSchema>;

export const catalogProductParams = z.object({ externalId });
