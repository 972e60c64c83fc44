import { eq } from 'drizzle-orm';
import { refundCeilingFor } from '../../../domain/permissions';
import { granteeOf } from '../../auth/principal';
import type { ClaimContext } from '../../claims/context';
import type { Executor } from '../../db/client';
import { shops } from '../../db/schema/index';
import { AppError } from '../../http/errors';

/**
 * Refuses one refund larger than the asker may give (staff and API keys: the shop's
 * staff_refund_limit; managers and owners: no ceiling). Called inside the change's transaction
 * before anything is written, so a refusal leaves the order exactly as it was. Buyers' own cancels
 * and scheduled jobs carry no principal and have no ceiling.
 */
export async function ensureWithinRefundCeiling(tx: Executor, ctx: Pick<ClaimContext, 'shopId' | 'principal'>, amount: number) {
  if (!ctx.principal || amount <= 0) return;
  const [shop] = await tx.select({ limit: shops.staffRefundLimit }).from(shops).where(eq(shops.id, ctx.shopId)).limit(1);
  if (!shop) return;
  const ceiling = refundCeilingFor(granteeOf(ctx.principal), shop.limit);
  if (ceiling !== null && amount > ceiling) throw new AppError('REFUND_LIMIT_EXCEEDED', { amount, limit: ceiling });
}
