import type { IncomingMessage } from 'node:http';

/** The cart lives in the buyer's cookie: this demo server keeps no session state of its own. */
export interface CartLine {
  product: string;
  option: string | null;
  quantity: number;
}

export function cookiesOf(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) out[name] = decodeURIComponent(rest.join('='));
  }
  return out;
}

export function cartOf(request: IncomingMessage): CartLine[] {
  const value = cookiesOf(request).cart;
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((l: Partial<CartLine>) =>
      typeof l.product === 'string' && Number.isInteger(l.quantity) && (l.quantity ?? 0) > 0 ? [{ product: l.product, option: typeof l.option === 'string' ? l.option : null, quantity: l.quantity ?? 1 }] : [],
    );
  } catch {
    return [];
  }
}

export const cartCookie = (lines: CartLine[]) => `cart=${Buffer.from(JSON.stringify(lines)).toString('base64url')}; Path=/; HttpOnly; SameSite=Lax`;
export const memberCookie = (externalId: string | null) => (externalId ? `member=${encodeURIComponent(externalId)}; Path=/; HttpOnly; SameSite=Lax` : 'member=; Path=/; Max-Age=0');

/** What arrived at the webhook receiver, newest first; a demo's log, so memory is enough. */
export interface ReceivedWebhook {
  receivedAt: Date;
  id: string;
  type: string;
  orderNumber: string | null;
  verified: boolean;
  reason: string | null;
  body: string;
}
export const received: ReceivedWebhook[] = [];
export function remember(webhook: ReceivedWebhook) {
  received.unshift(webhook);
  received.length = Math.min(received.length, 200);
}
