import { foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, shopId, won } from './columns';

export const products = pgTable(
  'products',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    price: won('price'),
    status: text('status', { enum: ['active', 'hidden'] }).notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/** A variant of a product. `stock` null means stock is not tracked. */
export const productOptions = pgTable(
  'product_options',
  {
    shopId: shopId(),
    id: id(),
    productId: ref('product_id').notNull(),
    name: text('name').notNull(),
    sku: text('sku'),
    extraPrice: won('extra_price'),
    stock: integer('stock'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('product_options_product_idx').on(t.shopId, t.productId),
    foreignKey({ columns: [t.shopId, t.productId], foreignColumns: [products.shopId, products.id] }),
  ],
);
