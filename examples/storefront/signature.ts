import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verifies a Standard Webhooks signature, as any storefront would, without Jumun's code:
 * `webhook-signature` holds space-separated `v1,<base64 HMAC-SHA256>` of `${id}.${timestamp}.${body}`
 * under the secret's bytes (`whsec_<base64>`). A timestamp more than 5 minutes off is refused, so a
 * captured delivery cannot be replayed later.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

const TOLERANCE_SECONDS = 5 * 60;

export function verifyWebhook(secret: string, headers: Record<string, string | undefined>, rawBody: string, now = Date.now()): Verdict {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'webhook-id, webhook-timestamp 또는 webhook-signature 헤더가 없습니다' };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now / 1000 - seconds) > TOLERANCE_SECONDS) return { ok: false, reason: '시각이 허용 범위(±5분)를 벗어났습니다' };
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest();
  for (const candidate of signatures.split(' ')) {
    const [version, value] = candidate.split(',');
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: '서명이 일치하지 않습니다' };
}
