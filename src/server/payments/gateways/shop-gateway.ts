/**
 * A shop's own gateway keys before the server's: a shop whose owner set Toss Payments with a
 * secret key (쇼핑몰 설정 → 결제대행사) has its Toss payments cancelled with its own key; every
 * other shop, and every payment of another gateway, goes through the server's gateway
 * (JUMUN_GATEWAY, registry.ts). Read from the database on each use, so a key changed on one server
 * is in effect on all of them at once.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { shops } from '../../db/schema/index';
import type { PaymentGateway } from './gateway';
import { TossGateway } from './toss-gateway';

export type ShopGatewaySettings = { provider?: 'test' | 'toss'; clientKey?: string; secretKey?: string };

/** Whether the shop's own settings decide (Toss with a secret key), or the server's gateway. */
export function shopGatewayInEffect(settings: ShopGatewaySettings): boolean {
  return settings.provider === 'toss' && Boolean(settings.secretKey);
}

/**
 * The gateway for each of a shop's payments, by the gateway the payment was taken with: a Toss
 * payment through the shop's own Toss key when it has one, anything else through `fallback`.
 */
export async function shopGatewayLookup(db: Executor, shopId: number, fallback: PaymentGateway, env: NodeJS.ProcessEnv = process.env): Promise<(paymentGateway: string | null) => PaymentGateway> {
  const [row] = await db.select({ gateway: shops.gateway }).from(shops).where(eq(shops.id, shopId)).limit(1);
  const settings = row?.gateway ?? {};
  if (!shopGatewayInEffect(settings) || !settings.secretKey) return () => fallback;
  const own = new TossGateway({ secretKey: settings.secretKey, baseUrl: env.TOSS_API_BASE || undefined });
  return (paymentGateway) => (paymentGateway === 'toss' ? own : fallback);
}
