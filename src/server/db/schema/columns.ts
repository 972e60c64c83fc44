import { bigint, integer, timestamp } from 'drizzle-orm/pg-core';

/**
 * Column helpers shared by every table. Ids are bigints handed out by one identity sequence per
 * table; `shop_id` leads every primary key so the schema can be distributed by shop (Citus).
 */
export const id = () => bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity();
export const shopId = () => bigint('shop_id', { mode: 'number' }).notNull();
export const ref = (name: string) => bigint(name, { mode: 'number' });
export const won = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
export const qty = (name: string) => integer(name).notNull();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => at('created_at').notNull().defaultNow();
