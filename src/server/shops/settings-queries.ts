import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { shops } from '../db/schema/index';
import { AppError } from '../http/errors';

/** The columns 쇼핑몰 설정 reads and writes (fees and days are the shop policy's). */
export const settingsColumns = {
  name: shops.name,
  businessName: shops.businessName,
  representativeName: shops.representativeName,
  businessNumber: shops.businessNumber,
  mailOrderNumber: shops.mailOrderNumber,
  businessAddress: shops.businessAddress,
  csPhone: shops.csPhone,
  csEmail: shops.csEmail,
  bankAccounts: shops.bankAccounts,
  orderNumberPrefix: shops.orderNumberPrefix,
  staffRefundLimit: shops.staffRefundLimit,
  gateway: shops.gateway,
  handoffSecret: shops.handoffSecret,
};

export type SettingsRow = { [K in keyof typeof settingsColumns]: (typeof shops.$inferSelect)[K] };

/** The shop's row; `lock` takes it FOR UPDATE, so two saves of one section do not cross (before/after stay true). */
export async function loadSettingsRow(db: Executor, shopId: number, lock = false): Promise<SettingsRow> {
  const query = db.select(settingsColumns).from(shops).where(eq(shops.id, shopId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('SHOP_NOT_FOUND', { shopId });
  return row;
}

export async function saveSettingsColumns(db: Executor, shopId: number, values: Partial<Omit<SettingsRow, 'handoffSecret'>>): Promise<void> {
  // a request that sends no section changes nothing (an UPDATE with no columns is an error)
  if (Object.keys(values).length === 0) return;
  await db.update(shops).set(values).where(eq(shops.id, shopId));
}
