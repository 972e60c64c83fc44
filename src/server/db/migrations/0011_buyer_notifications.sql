CREATE TABLE "buyer_message_links" (
	"shop_id" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"order_id" bigint NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "buyer_message_links_shop_id_token_hash_pk" PRIMARY KEY("shop_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"shop_id" bigint PRIMARY KEY NOT NULL,
	"moments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"smtp" jsonb,
	"messaging" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"shop_id" bigint NOT NULL,
	"moment" text NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"template_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_templates_shop_id_moment_channel_pk" PRIMARY KEY("shop_id","moment","channel")
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "recipient" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "transport" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
CREATE INDEX "buyer_message_links_expiry_idx" ON "buyer_message_links" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_dedupe_key" ON "outbox_messages" USING btree ("shop_id","dedupe_key") WHERE "outbox_messages"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "outbox_messages_buyer_idx" ON "outbox_messages" USING btree ("shop_id","created_at") WHERE "outbox_messages"."channel" <> 'webhook';