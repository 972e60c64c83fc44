/**
 * The demo storefront: a separate little shop that talks to Jumun only through its public HTTP API,
 * with the shop's API key kept here on the server. `npm start` starts it beside Jumun when demo
 * data is on; alone: `STOREFRONT_API_KEY=jm_… npx tsx examples/storefront/main.ts`.
 *
 * At start it syncs its catalog, members, grades, coupons and points to Jumun by its own ids, and
 * registers (or re-keys) its webhook endpoint so that it hears what staff do to its orders.
 * "내 주문" takes a member to Jumun's My Page signed in (STOREFRONT_HANDOFF_SECRET or
 * STOREFRONT_HANDOFF_SECRET_FILE: the shop's hand-off secret), a guest to its order lookup.
 */
import { readFileSync } from 'node:fs';
import { JumunApi } from './jumun-api';
import { shopOfApiKey } from './my-page';
import { createStorefront } from './server';
import { syncToJumun } from './sync';

const jumunUrl = (process.env.JUMUN_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const port = Number(process.env.STOREFRONT_PORT ?? 3001);
const host = process.env.STOREFRONT_HOST ?? '127.0.0.1';
const publicUrl = (process.env.STOREFRONT_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
const apiKey = process.env.STOREFRONT_API_KEY ?? (process.env.STOREFRONT_API_KEY_FILE ? readFileSync(process.env.STOREFRONT_API_KEY_FILE, 'utf8').trim() : '');
if (!apiKey) {
  console.error('storefront: set STOREFRONT_API_KEY (the shop API key Jumun printed) or STOREFRONT_API_KEY_FILE');
  process.exit(1);
}

// the shop's member hand-off secret: with it, "내 주문" signs a member straight into Jumun's My Page
const handoffSecret = process.env.STOREFRONT_HANDOFF_SECRET ?? (process.env.STOREFRONT_HANDOFF_SECRET_FILE ? readFileSync(process.env.STOREFRONT_HANDOFF_SECRET_FILE, 'utf8').trim() : null);
// where buyers' browsers reach Jumun, when not where this server does
const jumunPublicUrl = (process.env.JUMUN_PUBLIC_URL ?? jumunUrl).replace(/\/$/, '');

const api = new JumunApi(jumunUrl, apiKey);
const webhookPath = '/webhooks/jumun';
let webhookSecret: string | null = null;

/** Everything Jumun reports (its docs list them); a storefront may pick fewer. */
const EVENT_TYPES = [
  'order.created', 'order.updated', 'payment.captured', 'payment_request.created', 'payment_request.paid',
  'claim.requested', 'claim.completed', 'refund.completed', 'shipment.shipped',
];

interface Endpoint {
  id: number;
  url: string;
  secret?: string;
}

/** One endpoint per storefront URL: found again at every start and given a fresh secret, which only this process holds. */
async function registerWebhookEndpoint(): Promise<void> {
  const url = `${publicUrl}${webhookPath}`;
  const { endpoints } = await api.get<{ endpoints: Endpoint[] }>('/api/v1/webhook-endpoints');
  const mine = endpoints.find((e) => e.url === url);
  const answer = mine
    ? await api.post<Endpoint>(`/api/v1/webhook-endpoints/${mine.id}/rotate-secret`)
    : await api.post<Endpoint>('/api/v1/webhook-endpoints', { url, description: '데모 스토어프론트', eventTypes: EVENT_TYPES });
  webhookSecret = answer.secret ?? null;
}

async function waitForJumun(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const healthy = await fetch(`${jumunUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Jumun did not answer at ${jumunUrl}`);
}

await waitForJumun();
await syncToJumun(api);
await registerWebhookEndpoint();
const myPage = { jumunUrl: jumunPublicUrl, shopId: shopOfApiKey(apiKey), handoffSecret: handoffSecret || null };
const server = createStorefront({ api, webhookSecret: () => webhookSecret, webhookPath, myPage });
server.listen(port, host, () => console.log(`  Demo storefront: ${publicUrl} (talks to ${jumunUrl} with the shop's API key)`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
