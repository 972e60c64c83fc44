ALTER TABLE "orders" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "search_digits" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "couriers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "product_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "regions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_status_awaiting_payment_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{awaiting_payment}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_paid_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{paid}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_preparing_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{preparing}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_ready_to_ship_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{ready_to_ship}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_shipping_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{shipping}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_delivered_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{delivered}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_purchase_confirmed_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{purchase_confirmed}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_cancel_requested_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{cancel_requested}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_cancelled_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{cancelled}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_return_requested_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{return_requested}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_return_collecting_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{return_collecting}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_return_collected_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{return_collected}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_returned_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{returned}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_exchange_requested_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{exchange_requested}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_exchange_collecting_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{exchange_collecting}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_exchange_collected_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{exchange_collected}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_exchange_reshipped_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{exchange_reshipped}'::text[];--> statement-breakpoint
CREATE INDEX "orders_status_exchanged_idx" ON "orders" USING btree ("shop_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "orders"."unit_statuses" && '{exchanged}'::text[];--> statement-breakpoint
CREATE INDEX "orders_number_prefix_idx" ON "orders" USING btree ("shop_id","order_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orders_awaiting_shipment_idx" ON "orders" USING btree ("shop_id",coalesce("paid_at", 'infinity'::timestamptz) asc nulls last,"id") WHERE "orders"."unit_statuses" && '{paid,preparing,ready_to_ship}'::text[];--> statement-breakpoint
CREATE INDEX "orders_total_amount_idx" ON "orders" USING btree ("shop_id","total_amount" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_last_memo_idx" ON "orders" USING btree ("shop_id",coalesce("last_memo_at", '-infinity'::timestamptz) desc nulls last,"id" DESC NULLS LAST) WHERE "orders"."memo_count" > 0;--> statement-breakpoint
CREATE INDEX "orders_search_grams_idx" ON "orders" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "orders_search_digits_idx" ON "orders" USING gin ("search_digits");--> statement-breakpoint
CREATE INDEX "orders_product_ids_idx" ON "orders" USING gin ("product_ids");--> statement-breakpoint
CREATE INDEX "orders_regions_idx" ON "orders" USING gin ("regions");