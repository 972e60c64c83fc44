CREATE TABLE "order_search" (
	"shop_id" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"order_number" text NOT NULL,
	"search_text" text NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_digits" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "order_search_shop_id_order_id_pk" PRIMARY KEY("shop_id","order_id")
);
--> statement-breakpoint
DROP INDEX "orders_number_prefix_idx";--> statement-breakpoint
DROP INDEX "orders_search_grams_idx";--> statement-breakpoint
DROP INDEX "orders_search_digits_idx";--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD COLUMN "refund_id" bigint;--> statement-breakpoint
-- hand-written below: the data move. The foreign key, the three indexes and the DROP COLUMNs
-- after it are drizzle's generated statements, moved after the INSERT so they run once on the
-- filled table (an index built from a million rows is much faster than a million inserts into it,
-- and the foreign key is validated by one join instead of a trigger per row).
-- Orders whose search_text was never computed ('') get no row; the start-up backfill
-- (src/server/order-list/backfill.ts) fills every order without one.
INSERT INTO "order_search" ("shop_id", "order_id", "order_number", "search_text", "search_grams", "search_digits")
SELECT "shop_id", "id", "order_number", "search_text", "search_grams", "search_digits" FROM "orders" WHERE "search_text" <> '';--> statement-breakpoint
ALTER TABLE "order_search" ADD CONSTRAINT "order_search_shop_id_order_id_orders_shop_id_id_fk" FOREIGN KEY ("shop_id","order_id") REFERENCES "public"."orders"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_search_number_prefix_idx" ON "order_search" USING btree ("shop_id","order_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "order_search_grams_idx" ON "order_search" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "order_search_digits_idx" ON "order_search" USING gin ("search_digits");--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "search_grams";--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "search_digits";--> statement-breakpoint
ANALYZE "order_search";
