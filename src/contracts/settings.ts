import { z } from 'zod';
import { MAX_BANK_ACCOUNTS } from '../domain/shop-settings';
import { won } from './common';

export { MAX_BANK_ACCOUNTS };

/**
 * 쇼핑몰 설정: the shop's business details, 고객센터, 무통장 입금 계좌, order-number prefix, the
 * staff refund ceiling, and the payment gateway (owner only). Secrets are never answered: the
 * gateway's secret key only as set + its last four characters, the hand-off secret only as set.
 * Fees, days and windows are the shop policy's (/api/v1/settings/policy), not these.
 */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    // an emptied field is "not set", not an empty string on documents
    .transform((v) => (v === '' ? null : v));

export const bankAccountSchema = z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string() });
const bankAccountInput = z.object({
  bank: z.string().trim().min(1).max(30),
  accountNumber: z.string().trim().min(1).max(30),
  holder: z.string().trim().min(1).max(30),
});
export type BankAccountDto = z.infer<typeof bankAccountSchema>;

/** The business details as answered (the request's own schema below trims and empties). */
export const businessDetailsSchema = z.object({
  /** The shop's name as staff and buyers see it (the header, My Page). */
  name: z.string(),
  /** 상호 (as registered). */
  businessName: z.string().nullable(),
  /** 대표자. */
  representativeName: z.string().nullable(),
  /** 사업자등록번호, answered as 000-00-00000. */
  businessNumber: z.string().nullable(),
  /** 통신판매업 신고번호 (제2026-서울강남-0000호). */
  mailOrderNumber: z.string().nullable(),
  /** 사업장 주소. */
  businessAddress: z.string().nullable(),
});

export const customerServiceSchema = z.object({ phone: z.string().nullable(), email: z.string().nullable() });

const businessDetailsInput = z.object({
  name: z.string().trim().min(1).max(60),
  businessName: optionalText(60),
  representativeName: optionalText(30),
  businessNumber: optionalText(20),
  mailOrderNumber: optionalText(40),
  businessAddress: optionalText(200),
});
const customerServiceInput = z.object({ phone: optionalText(20), email: optionalText(100) });

export const GATEWAY_PROVIDERS = ['test', 'toss'] as const;
export const gatewayProvider = z.enum(GATEWAY_PROVIDERS);

export const gatewaySettingsSchema = z
  .object({
    /** The shop's own choice; null: the server's default (JUMUN_GATEWAY). */
    provider: gatewayProvider.nullable(),
    clientKey: z.string().nullable(),
    secretKey: z.object({ set: z.boolean(), hint: z.string().nullable() }),
    /** What the server runs when the shop has no gateway of its own. */
    serverDefault: gatewayProvider,
    /** Which gateway the shop's refunds go through now: its own Toss keys ('shop'), or the server's. */
    inEffect: z.enum(['shop', 'server']),
  })
  .meta({ id: 'GatewaySettings' });
export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;

export const shopSettingsSchema = z
  .object({
    business: businessDetailsSchema,
    customerService: customerServiceSchema,
    bankAccounts: z.array(bankAccountSchema),
    orderNumberPrefix: z.string(),
    /** The most one refund by staff or an API key may return (won); managers and owners have no ceiling. */
    staffRefundLimit: won,
    gateway: gatewaySettingsSchema,
    /** The member hand-off secret (POST /api/v1/shop/handoff-secret makes one, shown once). */
    handoffSecret: z.object({ set: z.boolean() }),
  })
  .meta({ id: 'ShopSettings' });
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export const SETTINGS_SECTIONS = ['business', 'customerService', 'bankAccounts', 'orderNumberPrefix', 'staffRefundLimit'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number] | 'gateway' | 'handoffSecret';

/** Each section sent is replaced whole; sections left out stay as they are. */
export const updateShopSettingsSchema = z
  .object({
    business: businessDetailsInput.optional(),
    customerService: customerServiceInput.optional(),
    bankAccounts: z.array(bankAccountInput).max(20).optional(),
    orderNumberPrefix: z.string().trim().max(40).optional(),
    staffRefundLimit: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'UpdateShopSettings' });
export type UpdateShopSettingsRequest = z.input<typeof updateShopSettingsSchema>;

export const updateGatewaySchema = z
  .object({
    /** null: use the server's default and forget the shop's keys. */
    provider: gatewayProvider.nullable(),
    clientKey: z.string().trim().max(200).nullable().optional(),
    /** Write-only: left out keeps the stored key; null forgets it. */
    secretKey: z.string().trim().max(200).nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateGateway' });
export type UpdateGatewayRequest = z.input<typeof updateGatewaySchema>;

/** What a storefront may show at checkout and in its footer (API keys with the intake scope). */
export const shopProfileSchema = z
  .object({
    name: z.string(),
    business: businessDetailsSchema.omit({ name: true }),
    customerService: customerServiceSchema,
    bankAccounts: z.array(bankAccountSchema),
  })
  .meta({ id: 'ShopProfile' });
export type ShopProfile = z.infer<typeof shopProfileSchema>;
