CREATE SEQUENCE "public"."test_gateway_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "test_gateway_cancels" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"payment_key" text NOT NULL,
	"amount" bigint NOT NULL,
	"cancel_id" text,
	"remaining_amount" bigint,
	"cancelled_at" timestamp with time zone,
	"decline_code" text,
	"decline_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_gateway_cancels_outcome_check" CHECK (("test_gateway_cancels"."decline_code" is null and "test_gateway_cancels"."cancel_id" is not null and "test_gateway_cancels"."remaining_amount" is not null and "test_gateway_cancels"."cancelled_at" is not null) or ("test_gateway_cancels"."decline_code" is not null and "test_gateway_cancels"."decline_message" is not null and "test_gateway_cancels"."cancel_id" is null))
);
--> statement-breakpoint
CREATE TABLE "test_gateway_payments" (
	"payment_key" text PRIMARY KEY NOT NULL,
	"method" text,
	"amount" bigint NOT NULL,
	"cancelled" bigint DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"order_id" text,
	"serial" bigint,
	"confirmed_at" timestamp with time zone,
	"deposit_secret" text,
	"deposited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_gateway_payments_cancelled_check" CHECK ("test_gateway_payments"."cancelled" >= 0 and "test_gateway_payments"."cancelled" <= "test_gateway_payments"."amount")
);
