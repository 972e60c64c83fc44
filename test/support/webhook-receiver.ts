import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with what its own check made of the signature. */
export interface ReceivedHook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  answered: number;
}

/**
 * Verifies a Standard Webhooks signature the way a storefront would, written apart from the
 * server's signing code so the two can disagree: HMAC-SHA256 over `${id}.${timestamp}.${body}` with
 * the base64 key after `whsec_`, compared to each `v1,` entry of the space-separated header.
 */
export function verifyWebhook(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A storefront's webhook receiver on 127.0.0.1: records every request, answers `status` (200 by default). */
export class WebhookReceiver {
  readonly hits: ReceivedHook[] = [];
  status = 200;
  secret = '';
  private server: Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Starts listening (again on the same port after `close`, as a receiver back from an outage). */
  async open(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const header = (name: string) => String(req.headers[name] ?? '');
        const body = Buffer.concat(chunks).toString('utf8');
        const hit = { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body, answered: this.status };
        this.hits.push({ ...hit, verified: verifyWebhook(this.secret, hit.id, hit.timestamp, body, hit.signature) });
        res.writeHead(this.status, { 'content-type': 'text/plain' }).end(this.status < 300 ? 'ok' : 'receiver is down');
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The payloads received for an order, deduplicated by webhook-id as a receiver should. */
  eventsOf(orderId: number): Array<{ id: string; type: string; data: Record<string, unknown> }> {
    const seen = new Map<string, { id: string; type: string; data: Record<string, unknown> }>();
    for (const hit of this.hits) {
      if (hit.answered >= 300 || seen.has(hit.id)) continue;
      const payload = JSON.parse(hit.body) as { type: string; data: { order: { id: number } } & Record<string, unknown> };
      if (payload.data.order.id === orderId) seen.set(hit.id, { id: hit.id, type: payload.type, data: payload.data });
    }
    return [...seen.values()];
  }
}
