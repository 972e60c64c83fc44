import type { UpdateGatewayRequest } from '../../contracts/settings';
import { isAccountNumber, isCustomerServicePhone, isEmail, MAX_BANK_ACCOUNTS, normalizeBusinessNumber, ORDER_PREFIX_PATTERN, tossKeyProblem, type BankAccount } from '../../domain/shop-settings';
import { AppError } from '../http/errors';
import type { ShopGatewaySettings } from '../payments/gateways/shop-gateway';
import type { SettingsRow } from './settings-queries';

/** The most a staff refund ceiling may be: above it, the ceiling guards nothing. */
const MAX_REFUND_LIMIT = 100_000_000;

/**
 * The request's sections as the columns they become, or the first problem as a 400 with its own
 * code. Everything is checked before anything is written, so a refused request changes nothing.
 */
export function settingsColumnsOf(body: {
  business?: { name: string; businessName: string | null; representativeName: string | null; businessNumber: string | null; mailOrderNumber: string | null; businessAddress: string | null } | undefined;
  customerService?: { phone: string | null; email: string | null } | undefined;
  bankAccounts?: BankAccount[] | undefined;
  orderNumberPrefix?: string | undefined;
  staffRefundLimit?: number | undefined;
}): Partial<SettingsRow> {
  const values: Partial<SettingsRow> = {};
  if (body.business) {
    const { businessNumber, ...rest } = body.business;
    const normalized = businessNumber === null ? null : normalizeBusinessNumber(businessNumber);
    if (businessNumber !== null && normalized === null) throw new AppError('SETTINGS_BUSINESS_NUMBER_INVALID', { field: 'business.businessNumber' });
    Object.assign(values, rest, { businessNumber: normalized });
  }
  if (body.customerService) {
    const { phone, email } = body.customerService;
    if (phone !== null && !isCustomerServicePhone(phone)) throw new AppError('SETTINGS_PHONE_INVALID', { field: 'customerService.phone' });
    if (email !== null && !isEmail(email)) throw new AppError('SETTINGS_EMAIL_INVALID', { field: 'customerService.email' });
    Object.assign(values, { csPhone: phone, csEmail: email });
  }
  if (body.bankAccounts) {
    if (body.bankAccounts.length > MAX_BANK_ACCOUNTS) throw new AppError('SETTINGS_TOO_MANY_BANK_ACCOUNTS', { max: MAX_BANK_ACCOUNTS });
    const bad = body.bankAccounts.findIndex((a) => !isAccountNumber(a.accountNumber));
    if (bad >= 0) throw new AppError('SETTINGS_BANK_ACCOUNT_INVALID', { field: `bankAccounts.${bad}.accountNumber` });
    values.bankAccounts = body.bankAccounts.map(({ bank, accountNumber, holder }) => ({ bank, accountNumber, holder }));
  }
  if (body.orderNumberPrefix !== undefined) {
    if (!ORDER_PREFIX_PATTERN.test(body.orderNumberPrefix)) throw new AppError('SETTINGS_ORDER_PREFIX_INVALID', { field: 'orderNumberPrefix' });
    values.orderNumberPrefix = body.orderNumberPrefix;
  }
  if (body.staffRefundLimit !== undefined) {
    if (body.staffRefundLimit < 0 || body.staffRefundLimit > MAX_REFUND_LIMIT) throw new AppError('SETTINGS_REFUND_LIMIT_INVALID', { max: MAX_REFUND_LIMIT });
    values.staffRefundLimit = body.staffRefundLimit;
  }
  return values;
}

/** The gateway column after the request: a key left out is kept, null forgets it; Toss needs both keys. */
export function gatewayColumnOf(stored: ShopGatewaySettings, body: UpdateGatewayRequest): ShopGatewaySettings {
  if (body.provider === null) return {};
  const clientKey = body.clientKey === undefined ? (stored.clientKey ?? null) : body.clientKey || null;
  const secretKey = body.secretKey === undefined ? (stored.secretKey ?? null) : body.secretKey || null;
  const problem = tossKeyProblem(clientKey, secretKey);
  if (problem === 'client_key') throw new AppError('GATEWAY_CLIENT_KEY_INVALID', { field: 'clientKey' });
  if (problem === 'secret_key') throw new AppError('GATEWAY_SECRET_KEY_INVALID', { field: 'secretKey' });
  if (problem === 'mode_mismatch') throw new AppError('GATEWAY_KEY_MODE_MISMATCH');
  if (body.provider === 'toss' && (!clientKey || !secretKey)) throw new AppError('GATEWAY_KEYS_REQUIRED', { clientKey: Boolean(clientKey), secretKey: Boolean(secretKey) });
  return { provider: body.provider, ...(clientKey ? { clientKey } : {}), ...(secretKey ? { secretKey } : {}) };
}
