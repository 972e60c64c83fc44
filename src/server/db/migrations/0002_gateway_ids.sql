ALTER TABLE "payments" ADD COLUMN "gateway_order_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "deposit_secret" text;--> statement-breakpoint
CREATE INDEX "payments_gateway_tx_idx" ON "payments" USING btree ("shop_id","gateway","gateway_transaction_id");--> statement-breakpoint
CREATE INDEX "payments_gateway_order_idx" ON "payments" USING btree ("shop_id","gateway","gateway_order_id");