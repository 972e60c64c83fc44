ALTER TABLE "shops" DROP COLUMN "base_shipping_fee";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "free_shipping_threshold";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "jeju_shipping_fee";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "island_shipping_fee";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "return_shipping_fee";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "auto_confirm_days";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "return_window_days";--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "bank_transfer_due_days";