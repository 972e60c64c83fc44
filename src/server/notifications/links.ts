import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { buyerMessageLinks } from '../db/schema/index';
import { randomToken, sha256, splitShopCredential } from '../auth/secrets';

/**
 * A message's link works this long: long enough for a buyer who reads it late, short enough that
 * an old text message is not a key to the order forever.
 */
export const MESSAGE_LINK_DAYS = 14;

/** Where links in buyer messages point: the address buyers reach this server at (JUMUN_PUBLIC_URL). */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.JUMUN_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${env.PORT ?? 3000}`;
}

/** A new link to `path` for the order: `<base>/my/m/<shopId>.<secret>` (only the secret's hash is kept). */
export async function createMessageLink(tx: Executor, shopId: number, orderId: number, path: string, now: Date): Promise<string> {
  const secret = randomToken(18);
  await tx.insert(buyerMessageLinks).values({ shopId, tokenHash: sha256(secret), orderId, path, createdAt: now, expiresAt: new Date(now.getTime() + MESSAGE_LINK_DAYS * 86_400_000) });
  return `${publicBaseUrl()}/my/m/${shopId}.${secret}`;
}

/** The order and page a link opens, or null (unknown, expired, malformed). */
export async function redeemMessageLink(db: Executor, token: string, now: Date): Promise<{ shopId: number; orderId: number; path: string } | null> {
  const parts = splitShopCredential(token, '.');
  if (!parts) return null;
  const [link] = await db
    .select()
    .from(buyerMessageLinks)
    .where(and(eq(buyerMessageLinks.shopId, parts.shopId), eq(buyerMessageLinks.tokenHash, sha256(parts.secret)), gt(buyerMessageLinks.expiresAt, now)))
    .limit(1);
  return link ? { shopId: link.shopId, orderId: link.orderId, path: link.path } : null;
}
