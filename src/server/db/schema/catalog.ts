import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId, won } from './columns';

/** One option axis value of a variant, e.g. { name: '색상', value: '네이비' }. */
export type OptionValue = { name: string; value: string };

export const products = pgTable(
  'products',
  {
    shopId: shopId(),
    id: id(),
    /** The storefront's own id of the product (null for products made in Jumun, such as the demo's). */
    externalId: text('external_id'),
    name: text('name').notNull(),
    price: won('price'),
    /** active = on sale; hidden = not shown by the storefront; inactive = deactivated (kept for past orders). */
    status: text('status', { enum: ['active', 'hidden', 'inactive'] }).notNull().default('active'),
    /** The option axes in display order, e.g. ['색상', '사이즈']. */
    optionNames: jsonb('option_names').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('products_external_key').on(t.shopId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

/** A variant of a product. `stock` null means stock is not tracked. */
export const productOptions = pgTable(
  'product_options',
  {
    shopId: shopId(),
    id: id(),
    productId: ref('product_id').notNull(),
    /** The storefront's own id of the variant; unique within the shop. */
    externalId: text('external_id'),
    /** Display name ("네이비 / M"), derived from the values when the storefront sends values. */
    name: text('name').notNull(),
    optionValues: jsonb('option_values').$type<OptionValue[]>().notNull().default([]),
    sku: text('sku'),
    /** 옵션 추가금: added to the product price for this variant. */
    extraPrice: won('extra_price'),
    stock: integer('stock'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('product_options_external_key').on(t.shopId, t.externalId).where(sql`${t.externalId} is not null`),
    index('product_options_product_idx').on(t.shopId, t.productId),
    foreignKey({ columns: [t.shopId, t.productId], foreignColumns: [products.shopId, products.id] }),
  ],
);
