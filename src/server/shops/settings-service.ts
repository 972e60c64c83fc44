import type { GatewaySettings, SettingsSection, ShopProfile, ShopSettings, UpdateGatewayRequest } from '../../contracts/settings';
import { secretHint } from '../../domain/shop-settings';
import { auditActorOf, recordAuditEvent } from '../audit/record';
import type { Principal } from '../auth/principal';
import type { Executor } from '../db/client';
import { replaceHandoffSecret } from '../my/handoff';
import { shopGatewayInEffect, type ShopGatewaySettings } from '../payments/gateways/shop-gateway';
import { loadSettingsRow, saveSettingsColumns, type SettingsRow } from './settings-queries';
import { gatewayColumnOf, settingsColumnsOf } from './settings-validate';

/** How a secret shows in the audit log: never its value, only that one is set and whether this change set it. */
const MASK = '••••';
const MASK_CHANGED = '•••• 변경됨';

type ServerDefault = GatewaySettings['serverDefault'];

function gatewayOf(stored: ShopGatewaySettings, serverDefault: ServerDefault): GatewaySettings {
  return {
    provider: stored.provider ?? null,
    clientKey: stored.clientKey ?? null,
    secretKey: { set: Boolean(stored.secretKey), hint: secretHint(stored.secretKey) },
    serverDefault,
    inEffect: shopGatewayInEffect(stored) ? 'shop' : 'server',
  };
}

function settingsOf(row: SettingsRow, serverDefault: ServerDefault): ShopSettings {
  return {
    business: {
      name: row.name,
      businessName: row.businessName,
      representativeName: row.representativeName,
      businessNumber: row.businessNumber,
      mailOrderNumber: row.mailOrderNumber,
      businessAddress: row.businessAddress,
    },
    customerService: { phone: row.csPhone, email: row.csEmail },
    bankAccounts: row.bankAccounts,
    orderNumberPrefix: row.orderNumberPrefix,
    staffRefundLimit: row.staffRefundLimit,
    gateway: gatewayOf(row.gateway, serverDefault),
    handoffSecret: { set: row.handoffSecret !== null },
  };
}

export async function readShopSettings(db: Executor, shopId: number, serverDefault: ServerDefault): Promise<ShopSettings> {
  return settingsOf(await loadSettingsRow(db, shopId), serverDefault);
}

/** What a storefront shows at checkout and in its footer: no keys, no limits. */
export async function readShopProfile(db: Executor, shopId: number): Promise<ShopProfile> {
  const { business, customerService, bankAccounts } = settingsOf(await loadSettingsRow(db, shopId), 'test');
  const { name, ...details } = business;
  return { name, business: details, customerService, bankAccounts };
}

async function audit(tx: Executor, principal: Principal, clientAddress: string, subject: SettingsSection, before: unknown, after: unknown) {
  const actor = auditActorOf(principal);
  await recordAuditEvent(tx, { kind: 'settings_changed', shopId: actor.shopId, staffId: actor.staffId, subject, clientAddress, detail: { ...actor.detail, before, after } });
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the sections the request sends (each replaced whole) and writes one `settings_changed`
 * audit event per section that changed, with its before and after, in the caller's transaction.
 */
export async function updateShopSettings(
  tx: Executor,
  principal: Principal,
  clientAddress: string,
  body: Parameters<typeof settingsColumnsOf>[0],
  serverDefault: ServerDefault,
): Promise<ShopSettings> {
  const values = settingsColumnsOf(body);
  const row = await loadSettingsRow(tx, principal.shopId, true);
  const before = settingsOf(row, serverDefault);
  await saveSettingsColumns(tx, principal.shopId, values);
  const after = settingsOf({ ...row, ...values }, serverDefault);
  for (const section of ['business', 'customerService', 'bankAccounts', 'orderNumberPrefix', 'staffRefundLimit'] as const) {
    if (body[section] !== undefined && !sameJson(before[section], after[section])) await audit(tx, principal, clientAddress, section, before[section], after[section]);
  }
  return after;
}

/** The gateway as the audit log shows it: the secret key only as set, and whether this change set it. */
function auditedGateway(g: ShopGatewaySettings, secretChanged: boolean) {
  return { provider: g.provider ?? null, clientKey: g.clientKey ?? null, secretKey: g.secretKey ? (secretChanged ? MASK_CHANGED : MASK) : null };
}

/** The owner's choice of gateway and its keys; the secret key is write-only (left out: kept). */
export async function updateGateway(tx: Executor, principal: Principal, clientAddress: string, body: UpdateGatewayRequest, serverDefault: ServerDefault): Promise<GatewaySettings> {
  const row = await loadSettingsRow(tx, principal.shopId, true);
  const next = gatewayColumnOf(row.gateway, body);
  await saveSettingsColumns(tx, principal.shopId, { gateway: next });
  const secretChanged = (row.gateway.secretKey ?? null) !== (next.secretKey ?? null);
  if (!sameJson(row.gateway, next)) await audit(tx, principal, clientAddress, 'gateway', auditedGateway(row.gateway, false), auditedGateway(next, secretChanged));
  return gatewayOf(next, serverDefault);
}

/** A new member hand-off secret, answered once; the audit log records that it changed, never the value. */
export async function rotateHandoffSecret(tx: Executor, principal: Principal, clientAddress: string): Promise<string> {
  const row = await loadSettingsRow(tx, principal.shopId, true);
  const secret = await replaceHandoffSecret(tx, principal.shopId);
  await audit(tx, principal, clientAddress, 'handoffSecret', { secret: row.handoffSecret ? MASK : null }, { secret: MASK_CHANGED });
  return secret;
}
